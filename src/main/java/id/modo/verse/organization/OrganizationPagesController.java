package id.modo.verse.organization;

import id.modo.verse.common.web.ProblemException;
import id.modo.verse.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard: the signed-in person's organizations, and creating one. */
@Controller
class OrganizationPagesController {

    private final Organizations organizations;

    OrganizationPagesController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal CurrentUser caller, @RequestParam(required = false) String created, Model model) {
        model.addAttribute("page", new OrganizationPageModels.Dashboard(organizations.mine(caller.id()), "", "", Map.of(), created));
        return "pages/dashboard";
    }

    @PostMapping("/dashboard/organizations")
    String create(@AuthenticationPrincipal CurrentUser caller, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String slug, HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank() || name.length() > 255) {
            errors.put("name", "organization.error.name");
        }
        if (errors.isEmpty()) {
            try {
                Organizations.OrganizationView created = organizations.create(caller.id(), name, slug.isBlank() ? null : slug);
                return "redirect:/dashboard?created=" + created.slug();
            } catch (ProblemException e) {
                errors.put("slug", e.type().slug().equals("slug-taken") ? "organization.error.slug_taken" : "organization.error.slug");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("page", new OrganizationPageModels.Dashboard(organizations.mine(caller.id()), name, slug, errors, null));
        return "pages/dashboard";
    }
}

package id.modo.verse.organization;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.FormErrors;
import id.modo.verse.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard: the signed-in person's organizations, and creating one. */
@Controller
class OrganizationPagesController {

    private final Organizations organizations;
    private final Invitations invitations;

    OrganizationPagesController(Organizations organizations, Invitations invitations) {
        this.organizations = organizations;
        this.invitations = invitations;
    }

    /** The link in an invitation mail; signing in first is required, with the invited address. */
    @GetMapping("/invitations/accept")
    String invitation(@AuthenticationPrincipal CurrentUser caller, @RequestParam(defaultValue = "") String token,
            HttpServletResponse response, Model model) {
        try {
            model.addAttribute("page", new OrganizationPageModels.InvitationPage(token, invitations.preview(caller.email(), token), null));
        } catch (ProblemException e) {
            response.setStatus(e.type().status().value());
            model.addAttribute("page", new OrganizationPageModels.InvitationPage(token, null, invitationProblem(e)));
        }
        return "organization/invitation";
    }

    @PostMapping("/invitations/accept")
    String accept(@AuthenticationPrincipal CurrentUser caller, @RequestParam(defaultValue = "") String token,
            HttpServletResponse response, Model model) {
        try {
            Organizations.OrganizationView joined = invitations.accept(caller.id(), caller.email(), token);
            return "redirect:/dashboard?joined=" + joined.slug();
        } catch (ProblemException e) {
            response.setStatus(e.type().status().value());
            model.addAttribute("page", new OrganizationPageModels.InvitationPage(token, null, invitationProblem(e)));
            return "organization/invitation";
        }
    }

    @PostMapping("/invitations/decline")
    String decline(@AuthenticationPrincipal CurrentUser caller, @RequestParam(defaultValue = "") String token,
            HttpServletResponse response, Model model) {
        try {
            invitations.decline(caller.id(), caller.email(), token);
            return "redirect:/dashboard?declined";
        } catch (ProblemException e) {
            response.setStatus(e.type().status().value());
            model.addAttribute("page", new OrganizationPageModels.InvitationPage(token, null, invitationProblem(e)));
            return "organization/invitation";
        }
    }

    private static String invitationProblem(ProblemException e) {
        return switch (e.type().slug()) {
            case "invitation-email-mismatch" -> "invitation.error.email";
            case "invitation-gone" -> "invitation.error.gone";
            case "already-member" -> "invitation.error.member";
            case "plan-limit-reached" -> "invitation.error.full";
            default -> "invitation.error.unknown";
        };
    }

    @GetMapping("/dashboard")
    String dashboard(@AuthenticationPrincipal CurrentUser caller, @RequestParam(required = false) String created,
            @RequestParam(required = false) String joined, @RequestParam(required = false) String left,
            @RequestParam(required = false) String deleted, @RequestParam(required = false) String declined, Model model) {
        model.addAttribute("page", new OrganizationPageModels.Dashboard(organizations.mine(caller.id()), invitations.pendingFor(caller.email()),
                "", "", Map.of(), created, joined, left, deleted, declined != null));
        return "organization/dashboard";
    }

    /** An invitation listed on the dashboard, for someone who signed up or in without the mail's link. */
    @PostMapping("/dashboard/invitations/{invitationId}/accept")
    String acceptListed(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID invitationId, HttpServletResponse response,
            Model model) {
        try {
            return "redirect:/dashboard?joined=" + invitations.acceptOwn(caller.id(), caller.email(), invitationId).slug();
        } catch (ProblemException e) {
            return listedInvitationFailed(e, response, model);
        }
    }

    @PostMapping("/dashboard/invitations/{invitationId}/decline")
    String declineListed(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID invitationId, HttpServletResponse response,
            Model model) {
        try {
            invitations.declineOwn(caller.id(), caller.email(), invitationId);
            return "redirect:/dashboard?declined";
        } catch (ProblemException e) {
            return listedInvitationFailed(e, response, model);
        }
    }

    private String listedInvitationFailed(ProblemException e, HttpServletResponse response, Model model) {
        if (e.type().equals(ProblemType.NOT_FOUND)) {
            throw e;
        }
        response.setStatus(e.type().status().value());
        model.addAttribute("page", new OrganizationPageModels.InvitationPage("", null, invitationProblem(e)));
        return "organization/invitation";
    }

    private static final Map<String, String> CREATE_ERRORS = Map.of("name", "organization.error.name", "slug", "organization.error.slug");

    /** The form binds the API's create request, so a name or address the API refuses is refused here alike. */
    @PostMapping("/dashboard/organizations")
    String create(@AuthenticationPrincipal CurrentUser caller, @Valid OrganizationApiController.CreateRequest form, BindingResult binding,
            HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, CREATE_ERRORS, "form.error.generic"));
        if (FormErrors.tooLong(binding, "name")) {
            errors.put("name", "organization.error.name_long");
        }
        String name = form.name() == null ? "" : form.name();
        String slug = form.slug() == null ? "" : form.slug();
        if (errors.isEmpty()) {
            try {
                Organizations.OrganizationView created = organizations.create(caller.id(), name, slug.isBlank() ? null : slug);
                return "redirect:/dashboard?created=" + created.slug();
            } catch (ProblemException e) {
                errors.put("slug", e.type().equals(OrganizationProblems.SLUG_TAKEN) ? "organization.error.slug_taken" : "organization.error.slug");
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("page", new OrganizationPageModels.Dashboard(organizations.mine(caller.id()), invitations.pendingFor(caller.email()),
                name, slug, errors, null, null, null, null, false));
        return "organization/dashboard";
    }
}

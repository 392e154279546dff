package id.modo.verse.watch;

import id.modo.verse.common.ProblemException;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin console's page of content categories ({@code /admin/**} needs ROLE_ADMIN, as the API does). */
@Controller
class CategoryAdminPagesController {

    private static final String PAGE = "/admin/watch/categories";
    /** The problems the page explains, each with a watch.categories.error.* message. */
    private static final Set<String> ERRORS = Set.of("form", "slug-taken");

    private final Categories categories;

    CategoryAdminPagesController(Categories categories) {
        this.categories = categories;
    }

    @GetMapping(PAGE)
    String list(@RequestParam(defaultValue = "") String error, Model model) {
        model.addAttribute("page", new WatchPageModels.CategoryAdmin(categories.list(false).stream()
                .map(c -> new WatchPageModels.CategoryLine(c.id().toString(), c.name(), c.slug(), c.displayOrder(), c.active())).toList(),
                ERRORS.contains(error) ? "watch.categories.error." + error : null));
        return "watch/admin-categories";
    }

    @PostMapping(PAGE)
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
            @RequestParam(name = "display_order", defaultValue = "0") String order, @RequestParam(defaultValue = "false") boolean active) {
        return save(null, name, slug, order, active);
    }

    @PostMapping(PAGE + "/{categoryId}")
    String update(@PathVariable UUID categoryId, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
            @RequestParam(name = "display_order", defaultValue = "0") String order, @RequestParam(defaultValue = "false") boolean active) {
        return save(categoryId, name, slug, order, active);
    }

    @PostMapping(PAGE + "/{categoryId}/delete")
    String delete(@PathVariable UUID categoryId) {
        categories.delete(categoryId);
        return "redirect:" + PAGE;
    }

    /** The same limits as the API's request: a name of 1–100 characters, an order of 0–10,000, a valid or blank slug. */
    private String save(UUID id, String name, String slug, String order, boolean active) {
        int displayOrder = order.matches("[0-9]{1,5}") ? Integer.parseInt(order) : -1;
        if (name.isBlank() || name.length() > 100 || slug.length() > 100 || displayOrder < 0 || displayOrder > 10_000) {
            return "redirect:" + PAGE + "?error=form";
        }
        Categories.Fields fields = new Categories.Fields(name, slug, null, null, displayOrder, active);
        try {
            if (id == null) {
                categories.create(fields);
            } else {
                keepDescription(id, fields);
            }
        } catch (ProblemException e) {
            String slugOf = e.type().slug();
            return "redirect:" + PAGE + "?error=" + (ERRORS.contains(slugOf) ? slugOf : "form");
        }
        return "redirect:" + PAGE;
    }

    /** The page edits name, slug, order and the active flag; the description and icon (API only) stay as they are. */
    private void keepDescription(UUID id, Categories.Fields fields) {
        Categories.Category current = categories.get(id);
        categories.update(id, new Categories.Fields(fields.name(), fields.slug(), current.description(), current.icon(), fields.displayOrder(),
                fields.active()));
    }
}

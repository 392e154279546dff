package id.modo.verse.watch;

import id.modo.verse.identity.CurrentUser;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The content manager's category form: the same rule as the publisher API (edit rights, own titles only). */
@Controller
class CategoryPagesController {

    private final Categories categories;

    CategoryPagesController(Categories categories) {
        this.categories = categories;
    }

    @PostMapping("/studio/watch/{orgId}/contents/{contentId}/categories")
    String tag(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @RequestParam(name = "category", required = false) List<UUID> chosen) {
        categories.tag(caller.id(), orgId, contentId, chosen == null ? List.of() : chosen);
        return "redirect:/studio/watch/" + orgId.value() + "/contents/" + contentId.value();
    }

    static WatchPageModels.CategoryPicker picker(Categories categories, UserId viewer, OrganizationId orgId, ContentId contentId, boolean canEdit) {
        Set<UUID> tagged = categories.of(viewer, orgId, contentId).stream().map(Categories.Category::id).collect(Collectors.toSet());
        return new WatchPageModels.CategoryPicker("/studio/watch/" + orgId.value() + "/contents/" + contentId.value() + "/categories", canEdit,
                categories.list(false).stream().map(c -> new WatchPageModels.CategoryChoice(c.id().toString(), c.name(), c.active(),
                        tagged.contains(c.id()))).toList());
    }
}

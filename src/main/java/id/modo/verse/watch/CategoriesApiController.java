package id.modo.verse.watch;

import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Categories: kept by platform admins ({@code /api/v1/admin/**} needs ROLE_ADMIN), read by fans, put on titles by publishers. */
@Tag(name = "Watch categories", description = "Content categories (platform admins) and the categories of a publisher's titles")
@RestController
class CategoriesApiController {

    private final Categories categories;

    CategoriesApiController(Categories categories) {
        this.categories = categories;
    }

    record CategoryRequest(@NotBlank @Size(max = 100) String name,
            @Size(max = 100) @Pattern(regexp = "^$|^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", message = "must be lowercase letters, digits and hyphens") String slug,
            @Size(max = 1000) String description, @Size(max = 50) @Pattern(regexp = "^[a-z0-9-]*$", message = "must be lowercase letters, digits and hyphens") String icon,
            @NotNull @Min(0) @Max(10_000) Integer displayOrder, @NotNull Boolean active) {

        Categories.Fields fields() {
            return new Categories.Fields(name, slug, description, icon, displayOrder, active);
        }
    }

    record CategoryResponse(UUID id, String name, String slug, String description, String icon, int displayOrder, boolean active,
            Instant createdAt) {

        static CategoryResponse of(Categories.Category c) {
            return new CategoryResponse(c.id(), c.name(), c.slug(), c.description(), c.icon(), c.displayOrder(), c.active(), c.createdAt());
        }
    }

    record TagRequest(@NotNull @Size(max = 50) List<@NotNull UUID> categoryIds) {
    }

    @Operation(summary = "Every category in display order, active or not")
    @GetMapping("/api/v1/admin/content-categories")
    List<CategoryResponse> all() {
        return categories.list(false).stream().map(CategoryResponse::of).toList();
    }

    @GetMapping("/api/v1/admin/content-categories/{categoryId}")
    CategoryResponse get(@PathVariable UUID categoryId) {
        return CategoryResponse.of(categories.get(categoryId));
    }

    @Operation(summary = "Add a category", description = "A blank `slug` is made from the name; a slug in use is 409 `slug-taken`.")
    @PostMapping("/api/v1/admin/content-categories")
    @ResponseStatus(HttpStatus.CREATED)
    CategoryResponse create(@Valid @RequestBody CategoryRequest request) {
        return CategoryResponse.of(categories.create(request.fields()));
    }

    @Operation(summary = "Change a category", description = "Every field is replaced; an inactive category leaves the catalogue's rows.")
    @PutMapping("/api/v1/admin/content-categories/{categoryId}")
    CategoryResponse update(@PathVariable UUID categoryId, @Valid @RequestBody CategoryRequest request) {
        return CategoryResponse.of(categories.update(categoryId, request.fields()));
    }

    @Operation(summary = "Delete a category", description = "Its titles lose the tag; deleting one that is gone changes nothing.")
    @DeleteMapping("/api/v1/admin/content-categories/{categoryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID categoryId) {
        categories.delete(categoryId);
    }

    @Operation(summary = "The active categories, in display order")
    @GetMapping("/api/v1/content-categories")
    List<CategoryResponse> active() {
        return categories.list(true).stream().map(CategoryResponse::of).toList();
    }

    @Operation(summary = "A title's categories")
    @GetMapping("/api/v1/organizations/{orgId}/contents/{contentId}/categories")
    List<CategoryResponse> ofContent(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId) {
        return categories.of(caller.id(), orgId, contentId).stream().map(CategoryResponse::of).toList();
    }

    @Operation(summary = "Set a title's categories", description = "Replaces them all; an unknown id is 400 naming `category_ids`.")
    @PutMapping("/api/v1/organizations/{orgId}/contents/{contentId}/categories")
    List<CategoryResponse> tag(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @Valid @RequestBody TagRequest request) {
        return categories.tag(caller.id(), orgId, contentId, request.categoryIds()).stream().map(CategoryResponse::of).toList();
    }
}

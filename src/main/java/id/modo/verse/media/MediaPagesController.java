package id.modo.verse.media;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.common.web.PlanLimitNotice;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.OrganizationStorage;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The organization's media library: a grid of its files, an upload form and delete buttons. */
@Controller
class MediaPagesController {

    static final List<String> TYPES = Arrays.stream(AssetType.values()).map(AssetType::dbValue).toList();

    /** Problems an upload can meet, by type slug, and the message key the page shows for each. */
    private static final Map<String, String> UPLOAD_ERRORS = Map.of(
            MediaProblems.UNSUPPORTED_TYPE.slug(), "media.error.type",
            MediaProblems.QUOTA_EXCEEDED.slug(), "media.error.quota",
            MediaProblems.FILE_TOO_LARGE.slug(), "media.error.too_large",
            MediaProblems.EMPTY_FILE.slug(), "media.error.empty",
            MediaProblems.TOO_MANY_PIXELS.slug(), "media.error.pixels",
            MediaProblems.UNREADABLE_IMAGE.slug(), "media.error.unreadable");

    private final Assets assets;
    private final Uploads uploads;
    private final Organizations organizations;
    private final OrganizationStorage quota;

    MediaPagesController(Assets assets, Uploads uploads, Organizations organizations, OrganizationStorage quota) {
        this.assets = assets;
        this.uploads = uploads;
        this.organizations = organizations;
        this.quota = quota;
    }

    @GetMapping("/organizations/{orgId}/media")
    String library(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String cursor, @RequestParam(defaultValue = "") String done, HttpServletResponse response,
            Model model) {
        String notice = switch (done) {
            case "uploaded" -> "media.done.uploaded";
            case "deleted" -> "media.done.deleted";
            default -> null;
        };
        return render(caller, organization, type, cursor, notice, null, response, model);
    }

    @PostMapping("/organizations/{orgId}/media")
    String upload(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization,
            @RequestParam(name = "file", required = false) MultipartFile file, @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "private") String visibility, HttpServletResponse response, Model model) {
        uploads.requireUploader(caller.id(), organization);
        String error;
        // as the API does: a visibility the form never offers is refused, not quietly made private
        AssetVisibility chosen = switch (visibility.strip()) {
            case "private" -> AssetVisibility.PRIVATE;
            case "public" -> AssetVisibility.PUBLIC;
            default -> null;
        };
        if (chosen == null) {
            error = "media.error.visibility";
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else if (file == null || file.isEmpty()) {
            error = "media.error.no_file";
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else {
            try {
                uploads.upload(caller.id(), organization, null, category.isBlank() ? null : category, file.getOriginalFilename(), file,
                        chosen);
                return "redirect:/organizations/" + organization.value() + "/media?done=uploaded";
            } catch (ProblemException e) {
                error = UPLOAD_ERRORS.get(e.type().slug());
                if (error == null) {
                    error = e.type() == ProblemType.VALIDATION ? "media.error.category" : null;
                }
                if (error == null) {
                    throw e;
                }
                response.setStatus(e.type().status().value());
                model.addAttribute("limit", PlanLimitNotice.of(e));
            }
        }
        return render(caller, organization, "", "", null, error, response, model);
    }

    @PostMapping("/organizations/{orgId}/media/{assetId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization, @PathVariable("assetId") AssetId id) {
        if (assets.find(organization, id).isEmpty()) {
            organizations.require(caller.id(), organization, Permission.VIEW);
            throw Assets.notFound();
        }
        assets.delete(caller.id(), id);
        return "redirect:/organizations/" + organization.value() + "/media?done=deleted";
    }

    private String render(CurrentUser caller, OrganizationId organization, String type, String cursor, String notice, String error,
            HttpServletResponse response, Model model) {
        Organizations.OrganizationView view = organizations.get(caller.id(), organization);
        String typeFilter = TYPES.contains(type.strip()) ? type.strip() : "";
        Page<AssetView> page;
        try {
            page = assets.page(caller.id(), organization, null,
                    typeFilter.isEmpty() ? null : AssetType.valueOf(typeFilter.toUpperCase(Locale.ROOT)), cursor, Keyset.DEFAULT_LIMIT);
        } catch (ProblemException e) {
            // A cursor that was cut or made up: start from the newest rather than fail.
            page = assets.page(caller.id(), organization, null, null, null, Keyset.DEFAULT_LIMIT);
        }
        OrganizationStorage.StorageUsage usage = quota.storageUsage(organization);
        double percent = usage.limitBytes() == 0 ? 100 : Math.min(100, 100.0 * usage.usedBytes() / usage.limitBytes());
        String nextUrl = page.nextCursor() == null ? null : ListFilters.nextUrl("/organizations/{org}/media", organization.value(),
                typeFilter.isEmpty() ? Map.of() : Map.of("type", typeFilter), page.nextCursor());
        List<MediaPageModels.Tile> tiles = page.items().stream().map(MediaPagesController::tile).toList();
        model.addAttribute("page", new MediaPageModels.LibraryPage(organization.value().toString(), view.name(), usage.usedBytes(),
                usage.limitBytes(), Math.round(percent * 10) / 10.0, tiles, typeFilter, TYPES, nextUrl,
                view.myRole().can(Permission.EDIT_CONTENT), notice, error));
        return "media/media";
    }

    private static MediaPageModels.Tile tile(AssetView asset) {
        return new MediaPageModels.Tile(asset.id().value().toString(), asset.type().dbValue(), asset.originalName(), asset.mimeType(),
                asset.sizeBytes(), relative(asset.url()), asset.thumbnailUrl() == null ? null : relative(asset.thumbnailUrl()),
                asset.visibility() == AssetVisibility.PUBLIC, asset.category(), asset.createdAt());
    }

    private static String relative(URI url) {
        return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }
}

package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The studio side of Watch: an organization's contents, a form to add one, and per content its status moves, seasons
 * and episodes, and video uploads with their transcoding progress. Each action checks what the API checks (the same
 * services); the forms are shown only to members who may edit content.
 */
@Controller
class PublisherPagesController {

    /** The problems the content page explains, each with a watch.error.* message. */
    private static final java.util.Set<String> ERRORS = java.util.Set.of("form", "illegal-transition", "video-not-ready", "number-taken",
            "wrong-content-type", "transcoding-in-progress", "slug-taken", "validation-failed", "no-file", "unsupported-file-type",
            "file-too-large", "storage-quota-exceeded", "empty-file", "concurrent-change");

    /** The media problems the content page explains, each with a watchmedia.error.* message. */
    private static final java.util.Set<String> MEDIA_ERRORS = java.util.Set.of("subtitle-unreadable");

    private final Contents contents;
    private final Episodes episodes;
    private final Videos videos;
    private final Subtitles subtitles;
    private final Organizations organizations;

    private final Categories categories;

    PublisherPagesController(Contents contents, Episodes episodes, Videos videos, Subtitles subtitles, Organizations organizations,
            Categories categories) {
        this.contents = contents;
        this.episodes = episodes;
        this.videos = videos;
        this.subtitles = subtitles;
        this.organizations = organizations;
        this.categories = categories;
    }

    @GetMapping("/studio/watch/{orgId}")
    String manager(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, Model model) {
        return renderManager(caller, orgId, null, model);
    }

    @PostMapping("/studio/watch/{orgId}/contents")
    String create(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Valid ContentApiController.ContentRequest form, BindingResult binding, HttpServletResponse response, Model model) {
        if (binding.hasErrors()) {
            response.setStatus(400);
            return renderManager(caller, orgId, "watch.error.form", model);
        }
        try {
            ContentView created = contents.create(caller.id(), orgId, form.fields());
            return "redirect:/studio/watch/" + orgId.value() + "/contents/" + created.id().value();
        } catch (ProblemException e) {
            response.setStatus(e.type().status().value());
            return renderManager(caller, orgId, errorKey(e), model);
        }
    }

    @GetMapping("/studio/watch/{orgId}/contents/{contentId}")
    String manage(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @RequestParam(defaultValue = "") String error, Model model) {
        return renderTitle(caller, orgId, contentId, ERRORS.contains(error) ? "watch.error." + error
                : MEDIA_ERRORS.contains(error) ? "watchmedia.error." + error : null, model);
    }

    @PostMapping("/studio/watch/{orgId}/contents/{contentId}/status")
    String status(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @Valid ContentApiController.StatusRequest form, BindingResult binding) {
        if (binding.hasErrors()) {
            return back(orgId, contentId, "form");
        }
        return act(orgId, contentId, () -> contents.changeStatus(caller.id(), orgId, contentId,
                ContentStatus.valueOf(form.status().name().toUpperCase(Locale.ROOT))));
    }

    record VisibilityForm(@NotNull ContentApiController.VisibilityName visibility) {
    }

    /** Who may watch, changeable at any time (a title published free can go premium later), as PATCH does in the API. */
    @PostMapping("/studio/watch/{orgId}/contents/{contentId}/visibility")
    String visibility(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @Valid VisibilityForm form, BindingResult binding) {
        if (binding.hasErrors()) {
            return back(orgId, contentId, "form");
        }
        return act(orgId, contentId, () -> contents.update(caller.id(), orgId, contentId, ContentApiController.visibilityOnly(form.visibility())));
    }

    @PostMapping("/studio/watch/{orgId}/contents/{contentId}/seasons")
    String season(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @Valid ContentApiController.SeasonRequest form, BindingResult binding) {
        if (binding.hasErrors()) {
            return back(orgId, contentId, "form");
        }
        return act(orgId, contentId, () -> episodes.addSeason(caller.id(), orgId, contentId, form.seasonNumber(), form.title(),
                form.description(), form.releaseYear()));
    }

    @PostMapping("/studio/watch/{orgId}/contents/{contentId}/episodes")
    String episode(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @Valid ContentApiController.EpisodeRequest form, BindingResult binding) {
        if (binding.hasErrors()) {
            return back(orgId, contentId, "form");
        }
        return act(orgId, contentId, () -> episodes.addEpisode(caller.id(), orgId, contentId, form.seasonNumber(), form.episodeNumber(),
                form.title(), form.description(), form.durationMinutes()));
    }

    @PostMapping("/studio/watch/{orgId}/contents/{contentId}/video")
    String upload(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        return receive(caller, orgId, contentId, null, file);
    }

    @PostMapping("/studio/watch/{orgId}/contents/{contentId}/episodes/{episodeId}/video")
    String uploadEpisode(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @PathVariable EpisodeId episodeId, @RequestParam(name = "file", required = false) MultipartFile file) {
        return receive(caller, orgId, contentId, episodeId, file);
    }

    @PostMapping({"/studio/watch/{orgId}/contents/{contentId}/video/retry", "/studio/watch/{orgId}/contents/{contentId}/episodes/{episodeId}/video/retry"})
    String retry(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @PathVariable(required = false) EpisodeId episodeId) {
        return act(orgId, contentId, () -> {
            videos.retry(caller.id(), orgId, contentId, episodeId);
            return null;
        });
    }

    @PostMapping({"/studio/watch/{orgId}/contents/{contentId}/video/subtitles",
            "/studio/watch/{orgId}/contents/{contentId}/episodes/{episodeId}/video/subtitles"})
    String uploadSubtitles(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @PathVariable(required = false) EpisodeId episodeId, @RequestParam(required = false) String language,
            @RequestParam(required = false) String label, @RequestParam(name = "file", required = false) MultipartFile file) {
        organizations.require(caller.id(), orgId, Permission.EDIT_CONTENT);
        if (file == null || file.isEmpty()) {
            return back(orgId, contentId, "no-file");
        }
        return act(orgId, contentId, () -> {
            try (InputStream in = file.getInputStream()) {
                return subtitles.upload(caller.id(), orgId, contentId, episodeId, language, label, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @PostMapping({"/studio/watch/{orgId}/contents/{contentId}/video/subtitles/{subtitleId}/delete",
            "/studio/watch/{orgId}/contents/{contentId}/episodes/{episodeId}/video/subtitles/{subtitleId}/delete"})
    String deleteSubtitles(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId,
            @PathVariable(required = false) EpisodeId episodeId, @PathVariable java.util.UUID subtitleId) {
        return act(orgId, contentId, () -> {
            subtitles.delete(caller.id(), orgId, contentId, episodeId, subtitleId);
            return null;
        });
    }

    private String receive(CurrentUser caller, OrganizationId orgId, ContentId contentId, EpisodeId episodeId, MultipartFile file) {
        organizations.require(caller.id(), orgId, Permission.EDIT_CONTENT);
        if (file == null || file.isEmpty()) {
            return back(orgId, contentId, "no-file");
        }
        return act(orgId, contentId, () -> {
            try (InputStream in = file.getInputStream()) {
                return videos.upload(caller.id(), orgId, contentId, episodeId, file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String act(OrganizationId orgId, ContentId contentId, java.util.function.Supplier<?> action) {
        try {
            action.get();
            return back(orgId, contentId, null);
        } catch (ProblemException e) {
            if (e.type().status().value() == 404 || e.type().status().value() == 403) {
                throw e;
            }
            return back(orgId, contentId, e.type().slug());
        }
    }

    private static String back(OrganizationId orgId, ContentId contentId, String error) {
        return "redirect:/studio/watch/" + orgId.value() + "/contents/" + contentId.value() + (error == null ? "" : "?error=" + error);
    }

    private static String errorKey(ProblemException e) {
        return ERRORS.contains(e.type().slug()) ? "watch.error." + e.type().slug() : "watch.error.form";
    }

    private String renderManager(CurrentUser caller, OrganizationId orgId, String error, Model model) {
        Organizations.OrganizationView organization = organizations.get(caller.id(), orgId);
        List<WatchPageModels.ManagedContent> list = contents.list(caller.id(), orgId, null, null, Keyset.MAX_LIMIT).items().stream()
                .map(c -> new WatchPageModels.ManagedContent(c.id().value().toString(), c.title(), c.type().dbValue(), c.status().dbValue(),
                        c.visibility().dbValue(), c.posterUrl(), "/studio/watch/" + orgId.value() + "/contents/" + c.id().value()))
                .toList();
        model.addAttribute("page", new WatchPageModels.Manager(orgId.value().toString(), organization.name(), list,
                organization.myRole().can(Permission.EDIT_CONTENT), error));
        return "watch/manager";
    }

    private String renderTitle(CurrentUser caller, OrganizationId orgId, ContentId contentId, String error, Model model) {
        ContentView content = contents.get(caller.id(), orgId, contentId);
        boolean canEdit = organizations.membership(caller.id(), orgId).map(m -> m.can(Permission.EDIT_CONTENT)).orElse(false);
        String base = "/studio/watch/" + orgId.value() + "/contents/" + contentId.value();
        List<VideoView> all = videos.videos(contentId);
        Optional<VideoView> movie = all.stream().filter(v -> v.episodeId() == null).findFirst();
        List<WatchPageModels.ManagedEpisode> lines = episodes.seasons(contentId).stream().flatMap(s -> s.episodes().stream())
                .map(e -> new WatchPageModels.ManagedEpisode(e.id().value().toString(), e.seasonNumber(), e.episodeNumber(), e.title(),
                        box(base + "/episodes/" + e.id().value() + "/video", all.stream().filter(v -> e.id().equals(v.episodeId())).findFirst(),
                                contentId)))
                .toList();
        model.addAttribute("page", new WatchPageModels.ManagedTitle(orgId.value().toString(), contentId.value().toString(), content.title(),
                content.type().dbValue(), content.status().dbValue(), content.allowedStatuses().stream().map(ContentStatus::dbValue).toList(),
                content.visibility().dbValue(), content.posterUrl(), canEdit,
                content.type().episodic() ? null : box(base + "/video", movie, contentId), lines, error));
        model.addAttribute("categories", CategoryPagesController.picker(categories, caller.id(), orgId, contentId, canEdit));
        return "watch/manage";
    }

    private WatchPageModels.VideoBox box(String uploadUrl, Optional<VideoView> video, ContentId contentId) {
        return video.map(v -> new WatchPageModels.VideoBox(uploadUrl, v.state(), v.failureReason(),
                        v.state().equals("processing") && v.jobId() != null ? v.jobId().toString() : null, v.renditionHeights(),
                        v.playable() ? "/watch/contents/" + contentId.value() + "/play" + (v.episodeId() == null ? "" : "?episode=" + v.episodeId().value()) : null,
                        subtitles.tracks(v.id()).stream().map(t -> new WatchPageModels.SubtitleLine(t.language(), t.label(), t.cueCount(),
                                uploadUrl + "/subtitles/" + t.id() + "/delete")).toList()))
                .orElse(new WatchPageModels.VideoBox(uploadUrl, null, null, null, List.of(), null, List.of()));
    }

    /** Lets the content form post the type as the API spells it ({@code short}, not the Java name). */
    @Component
    static class TypeKeyConverter implements Converter<String, ContentApiController.TypeKey> {
        @Override
        public ContentApiController.TypeKey convert(String source) {
            return ContentApiController.TypeKey.valueOf(source.strip().toUpperCase(Locale.ROOT));
        }
    }
}

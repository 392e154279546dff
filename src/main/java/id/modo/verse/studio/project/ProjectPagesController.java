package id.modo.verse.studio.project;

import id.modo.verse.billing.BillingProblems;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.FormErrors;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.common.web.PlanLimitNotice;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.MediaProblems;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.StudioProblems;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.section.StudioImages;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The project list, the workspace's overview and team tabs, and the trash: the same facades as the API. */
@Controller
class ProjectPagesController {

    private static final Set<String> OVERVIEW_FIELDS = Set.of("title", "description", "genre", "sub_genre", "format", "target_audience",
            "target_market", "studio_name", "ip_owner", "production_date", "brand_logos", "color_palette", "visibility");
    private static final Map<String, String> OVERVIEW_ERRORS = Map.of("title", "studio.error.title", "description", "studio.error.description",
            "format", "studio.error.choice", "visibility", "studio.error.choice", "studio_name", "studio.error.long_name",
            "ip_owner", "studio.error.long_name", "production_date", "studio.error.date", "brand_logos", "studio.error.url",
            "color_palette", "studio.error.color");

    private final Projects projects;
    private final Collaborators collaborators;
    private final ProjectAccess access;
    private final Organizations organizations;
    private final WorkspaceTabs tabs;
    private final StudioImages images;

    ProjectPagesController(Projects projects, Collaborators collaborators, ProjectAccess access, Organizations organizations,
            WorkspaceTabs tabs, StudioImages images) {
        this.projects = projects;
        this.images = images;
        this.collaborators = collaborators;
        this.access = access;
        this.organizations = organizations;
        this.tabs = tabs;
    }


    @GetMapping("/organizations/{orgId}/projects")
    String list(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String genre, @RequestParam(defaultValue = "") String cursor,
            @RequestParam(defaultValue = "") String error, Model model) {
        var view = organizations.get(caller.id(), organization);
        List<String> statuses = Arrays.stream(ProjectStatus.values()).map(ProjectStatus::dbValue).toList();
        ProjectStatus filter = statuses.contains(status) ? ProjectStatus.valueOf(status.toUpperCase(Locale.ROOT)) : null;
        Page<ProjectDetails> page;
        try {
            page = projects.list(caller.id(), organization, filter, genre.strip(), cursor, Keyset.DEFAULT_LIMIT);
        } catch (ProblemException e) {
            page = projects.list(caller.id(), organization, filter, genre.strip(), null, Keyset.DEFAULT_LIMIT);
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", filter == null ? "" : status);
        filters.put("genre", genre.strip());
        String next = page.nextCursor() == null ? null
                : ListFilters.nextUrl("/organizations/{org}/projects", organization.value(), filters, page.nextCursor());
        Map<UUID, String> cardPictures = new HashMap<>();
        for (ProjectDetails project : page.items()) {
            Stream.of(project.logo(), project.thumbnailMood()).filter(StudioImages::isReference).findFirst()
                    .ifPresent(reference -> cardPictures.put(project.id(), reference));
        }
        Map<String, String> urls = images.thumbnailUrls(organization, cardPictures.values());
        Map<UUID, String> thumbnails = new HashMap<>();
        cardPictures.forEach((project, reference) -> {
            if (urls.containsKey(reference)) {
                thumbnails.put(project, urls.get(reference));
            }
        });
        // The limit as it is now: the numbers of the refused creation would be stale after a reload.
        model.addAttribute("limit", error.equals("limit")
                ? projects.projectLimitReached(organization).map(PlanLimitNotice::of).orElse(null) : null);
        model.addAttribute("page", new ProjectPageModels.ListPage(organization.toString(), view.name(), page.items(), thumbnails,
                filter == null ? "" : status,
                genre.strip(), statuses, next, cursor.isBlank(), view.myRole().can(id.modo.verse.organization.Permission.EDIT_CONTENT),
                error.isBlank() ? null : error));
        return "studio/projects";
    }

    @PostMapping("/organizations/{orgId}/projects")
    String create(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization,
            @Valid ProjectApiController.CreateRequest form, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasFieldErrors("title")) {
            redirect.addAttribute("error", "title");
            return "redirect:/organizations/" + organization + "/projects";
        }
        // The form offers only the three visibilities; anything else posted falls back to the safest, as before.
        Visibility chosen = form.visibility() == null || binding.hasFieldErrors("visibility") ? Visibility.PRIVATE : form.visibility().domain();
        try {
            // The page asks for no slug: the project takes one from its title.
            ProjectDetails created = projects.create(caller.id(), organization, form.title(), null, chosen);
            return "redirect:/projects/" + created.id();
        } catch (ProblemException e) {
            if (e.type() == BillingProblems.PLAN_LIMIT_REACHED) {
                redirect.addAttribute("error", "limit");
                return "redirect:/organizations/" + organization + "/projects";
            }
            throw e;
        }
    }


    @GetMapping("/projects/{projectId}")
    String overview(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id,
            @RequestParam(defaultValue = "false") boolean saved, @RequestParam(name = "picture_error", defaultValue = "") String pictureError,
            Model model) {
        ProjectAccess.Checked<ProjectDetails> project = projects.get(caller.id(), id);
        model.addAttribute("page", overviewPage(project.view(), project.content(), Map.of(), saved,
                switch (pictureError) { case "image", "quota" -> pictureError; default -> null; }));
        return "studio/overview";
    }

    /**
     * The form binds the API's update request: its brand logos (one per line) and palette (commas or lines) are
     * {@link id.modo.verse.common.web.FormList}s. It changes only what it shows: the pictures have forms of their own
     * (uploads), the slug and modo tokens none, so whatever a hand-made post sends for them is left out.
     */
    @PostMapping("/projects/{projectId}")
    String saveOverview(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id,
            @Valid ProjectApiController.UpdateRequest form, BindingResult binding, HttpServletResponse response, Model model) {
        ProjectView view = access.manage(caller.id(), id);
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, OVERVIEW_ERRORS, "studio.error.long"));
        errors.keySet().retainAll(OVERVIEW_FIELDS);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("page", overviewPage(view, projects.get(caller.id(), id).content(), errors, false, null));
            return "studio/overview";
        }
        ProjectChange change = new ProjectChange(form.title(), null, form.description(), null, null, form.genre(), form.subGenre(),
                form.projectFormat(), form.format() == null, form.targetAudience(), form.targetMarket(), form.studioName(), null,
                form.ipOwner(), form.date(), form.date() == null, form.brandLogos(), form.colorPalette(),
                form.visibility() == null ? null : form.visibility().domain());
        projects.update(caller.id(), id, change, null);
        return "redirect:/projects/" + id + "?saved=true";
    }

    /** Uploads the logo, mood thumbnail or studio logo; the picture it replaces is removed. */
    @PostMapping(path = "/projects/{projectId}/pictures/{field}", consumes = "multipart/form-data")
    String uploadPicture(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id, @PathVariable String field,
            @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        ProjectView view = access.manage(caller.id(), id);
        String category = pictureCategory(field);
        String failed = "redirect:/projects/" + id + "?picture_error=";
        if (file == null || file.isEmpty()) {
            return failed + "image#pictures-title";
        }
        String reference;
        try (var content = file.getInputStream()) {
            reference = images.upload(caller.id(), view, category, file.getOriginalFilename(), content);
        } catch (ProblemException e) {
            if (!MediaProblems.FILE_REFUSED.contains(e.type())) {
                throw e;
            }
            return failed + (MediaProblems.TOO_LARGE.contains(e.type()) ? "quota" : "image") + "#pictures-title";
        }
        projects.update(caller.id(), id, ProjectChange.picture(field, reference), null);
        return "redirect:/projects/" + id + "?saved=true";
    }

    @PostMapping("/projects/{projectId}/pictures/{field}/remove")
    String removePicture(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id, @PathVariable String field) {
        access.manage(caller.id(), id);
        pictureCategory(field);
        projects.update(caller.id(), id, ProjectChange.picture(field, ""), null);
        return "redirect:/projects/" + id + "?saved=true";
    }

    /** The media category a picture field's uploads are filed under; 404 for a field that is not a picture. */
    private static String pictureCategory(String field) {
        return switch (field) {
            case "logo" -> "logo";
            case "thumbnail_mood" -> "mood";
            case "studio_logo" -> "studio-logo";
            default -> throw new ProblemException(ProblemType.NOT_FOUND, "There is no such picture.");
        };
    }

    @PostMapping("/projects/{projectId}/status")
    String status(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id, @RequestParam(defaultValue = "") String status) {
        ProjectStatus target = Arrays.stream(ProjectStatus.values()).filter(s -> s.dbValue().equals(status)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.BAD_REQUEST, "Choose one of the listed statuses."));
        projects.changeStatus(caller.id(), id, target);
        return "redirect:/projects/" + id + "?saved=true";
    }

    @PostMapping("/projects/{projectId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id) {
        ProjectView view = access.manage(caller.id(), id);
        projects.trash(caller.id(), id);
        return "redirect:/organizations/" + view.organizationId() + "/projects/trash";
    }


    @GetMapping("/organizations/{orgId}/projects/trash")
    String trash(@AuthenticationPrincipal CurrentUser caller, @PathVariable("orgId") OrganizationId organization, Model model) {
        var view = organizations.get(caller.id(), organization);
        model.addAttribute("page", new ProjectPageModels.TrashPage(organization.toString(), view.name(), projects.trashed(caller.id(), organization)));
        return "studio/trash";
    }

    @PostMapping("/projects/{projectId}/restore")
    String restore(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id) {
        projects.restore(caller.id(), id);
        return "redirect:/projects/" + id + "?saved=true";
    }


    @GetMapping("/projects/{projectId}/team")
    String team(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id, @RequestParam(defaultValue = "") String error,
            @RequestParam(defaultValue = "") String notice, Model model) {
        ProjectView view = access.read(caller.id(), id);
        List<Collaborators.CollaboratorView> team = collaborators.list(caller.id(), id);
        List<id.modo.verse.organization.Organizations.MemberView> candidates = new ArrayList<>();
        if (view.canEdit(Section.TEAM)) {
            var members = organizations.members(caller.id(), view.organizationId(), null, Keyset.MAX_LIMIT);
            members.items().stream().filter(m -> team.stream().noneMatch(c -> c.userId().equals(m.userId()))).forEach(candidates::add);
        }
        model.addAttribute("page", new ProjectPageModels.TeamPage(view, tabs, team, Arrays.stream(CollaboratorRole.values()).map(CollaboratorRole::dbValue).toList(),
                Arrays.stream(Section.values()).map(Section::dbValue).toList(), candidates, error.isBlank() ? null : error,
                switch (notice) { case "added", "changed", "removed" -> notice; default -> null; }));
        return "studio/team";
    }

    /** The form posts {@code _permissions} too, so that no section ticked binds as none rather than as missing. */
    @PostMapping("/projects/{projectId}/team")
    String addToTeam(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id,
            @Valid ProjectApiController.AddCollaboratorRequest form, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addAttribute("error", "choice");
            return "redirect:/projects/" + id + "/team";
        }
        try {
            collaborators.add(caller.id(), id, UserId.of(form.userId()), ProjectApiController.role(form.role()), form.customRoleTitle(),
                    ProjectApiController.sections(form.permissions()));
        } catch (ProblemException e) {
            if (e.type() == StudioProblems.NOT_A_MEMBER || e.type() == StudioProblems.ALREADY_COLLABORATOR) {
                redirect.addAttribute("error", "member");
                return "redirect:/projects/" + id + "/team";
            }
            if (e.type() == ProblemType.VALIDATION) {
                // The custom role without its title: the API's own rule, shown as the form's choice error.
                redirect.addAttribute("error", "choice");
                return "redirect:/projects/" + id + "/team";
            }
            throw e;
        }
        redirect.addAttribute("notice", "added");
        return "redirect:/projects/" + id + "/team";
    }

    /** Changes a member's role and sections; the form posts {@code _permissions} as the add form does. */
    @PostMapping("/projects/{projectId}/team/{userId}")
    String changeInTeam(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id, @PathVariable UserId userId,
            @Valid ProjectApiController.ChangeCollaboratorRequest form, BindingResult binding, RedirectAttributes redirect) {
        if (binding.hasErrors() || form.role() == null || form.permissions() == null) {
            redirect.addAttribute("error", "choice");
            return "redirect:/projects/" + id + "/team";
        }
        try {
            collaborators.change(caller.id(), id, userId, ProjectApiController.role(form.role()), form.customRoleTitle(),
                    ProjectApiController.sections(form.permissions()));
        } catch (ProblemException e) {
            if (e.type() == StudioProblems.LAST_PRODUCER || e.type() == ProblemType.VALIDATION) {
                redirect.addAttribute("error", e.type() == StudioProblems.LAST_PRODUCER ? "producer" : "choice");
                return "redirect:/projects/" + id + "/team";
            }
            throw e;
        }
        redirect.addAttribute("notice", "changed");
        return "redirect:/projects/" + id + "/team";
    }

    @PostMapping("/projects/{projectId}/team/{userId}/remove")
    String removeFromTeam(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id, @PathVariable UserId userId,
            RedirectAttributes redirect) {
        try {
            collaborators.remove(caller.id(), id, userId);
        } catch (ProblemException e) {
            if (e.type() == StudioProblems.LAST_PRODUCER) {
                redirect.addAttribute("error", "producer");
                return "redirect:/projects/" + id + "/team";
            }
            throw e;
        }
        redirect.addAttribute("notice", "removed");
        return "redirect:/projects/" + id + "/team";
    }

    private ProjectPageModels.OverviewPage overviewPage(ProjectView view, ProjectDetails details, Map<String, String> errors, boolean saved,
            String pictureError) {
        List<ProjectPageModels.Picture> pictures = List.of(picture(view, "logo", details.logo()),
                picture(view, "thumbnail_mood", details.thumbnailMood()), picture(view, "studio_logo", details.studioLogo()));
        return new ProjectPageModels.OverviewPage(view, tabs, details, Arrays.stream(ProjectFormat.values()).map(ProjectFormat::dbValue).toList(),
                Arrays.stream(Visibility.values()).map(Visibility::dbValue).toList(), pictures, errors, saved, pictureError);
    }

    private ProjectPageModels.Picture picture(ProjectView view, String field, String value) {
        if (StudioImages.isReference(value)) {
            return new ProjectPageModels.Picture(field, images.thumbnailUrl(view.organizationId(), value), null);
        }
        return new ProjectPageModels.Picture(field, null, value);
    }
}

package id.modo.verse.studio.version;

import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.VersionId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.Versions;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.StudioProblems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The versions tab: the project's history, a word diff of two versions, and restoring an older one. */
@Controller
class VersionPagesController {

    static final Pattern NAME = Pattern.compile("^[a-z_]{1,100}$");

    private final Versions versions;
    private final ProjectAccess access;
    private final WorkspaceTabs tabs;

    VersionPagesController(Versions versions, ProjectAccess access, WorkspaceTabs tabs) {
        this.versions = versions;
        this.access = access;
        this.tabs = tabs;
    }

    /**
     * {@code compare} is the Compare button's name: with it, a missing choice or two different parts is said on the
     * page instead of the list coming back as if nothing was asked.
     */
    @GetMapping("/projects/{projectId}/versions")
    String versions(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id,
            @RequestParam(name = "entity_type", defaultValue = "") String entityType, @RequestParam(defaultValue = "") String section,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String compare,
            @RequestParam(defaultValue = "") String cursor, @RequestParam(defaultValue = "false") boolean restored, Model model) {
        ProjectView view = access.read(caller.id(), id);
        String type = NAME.matcher(entityType).matches() ? entityType : "";
        String part = NAME.matcher(section).matches() ? section : "";
        Page<Version> page;
        try {
            page = versions.list(caller.id(), id, type.isEmpty() ? null : type, null, part.isEmpty() ? null : part, cursor, 50);
        } catch (ProblemException e) {
            page = versions.list(caller.id(), id, type.isEmpty() ? null : type, null, part.isEmpty() ? null : part, null, 50);
        }
        java.util.Locale locale = LocaleContextHolder.getLocale();
        Versions.VersionDiff diff = null;
        String diffPart = null;
        String compareError = null;
        UUID fromId = ListFilters.pathId(from);
        UUID toId = ListFilters.pathId(to);
        if (fromId != null && toId != null) {
            try {
                diff = versions.diff(caller.id(), id, fromId, toId);
                List<Version> pair = List.of(diff.from());
                String entity = versions.labels(pair, locale).get(diff.from().id());
                String sectionLabel = versions.sectionLabels(pair, locale).get(diff.from().id());
                diffPart = sectionLabel.equals(entity) ? entity : entity + " · " + sectionLabel;
            } catch (ProblemException e) {
                if (e.type() != StudioProblems.DIFFERENT_PARTS) {
                    throw e;
                }
                compareError = "different";
            }
        } else if (!compare.isEmpty()) {
            compareError = "choose";
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("entity_type", type);
        filters.put("section", part);
        String next = page.nextCursor() == null ? null
                : ListFilters.nextUrl("/projects/" + id + "/versions", id.value(), filters, page.nextCursor());
        model.addAttribute("page", new VersionPageModels.VersionsPage(view, tabs, page.items(), versions.labels(page.items(), locale),
                versions.sectionLabels(page.items(), locale), versions.restorable(page.items(), view.editable()), type, part, next, diff,
                diffPart, compareError, restored));
        return "studio/versions";
    }

    @PostMapping("/projects/{projectId}/versions/{versionId}/restore")
    String restore(@AuthenticationPrincipal CurrentUser caller, @PathVariable("projectId") ProjectId id, @PathVariable VersionId versionId) {
        versions.restore(caller.id(), id, versionId.value());
        return "redirect:/projects/" + id + "/versions?restored=true";
    }
}

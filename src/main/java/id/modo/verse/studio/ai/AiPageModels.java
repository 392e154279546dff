package id.modo.verse.studio.ai;

import id.modo.verse.common.FieldError;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.WordDiff;
import id.modo.verse.studio.WorkspaceTabs;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the project's AI pages show. */
public final class AiPageModels {

    private AiPageModels() {
    }

    /**
     * One proposal under review: its diff against the current text and the base to accept it from; {@code conflict}
     * names who saved since (an accept that lost the race), {@code error} why a generation failed (then no proposal).
     */
    public record ReviewPage(ProjectView project, WorkspaceTabs tabs, Version proposal, String sectionLabel, int baseVersion,
            List<WordDiff.Segment> diff, boolean canDecide, String conflictBy, int conflictVersion, String error, String backUrl) {
    }

    /** The AI tab: the settings (a form for managers), this month's credits, and the proposals waiting. */
    public record AiPage(ProjectView project, WorkspaceTabs tabs, ProjectAiSettings.Settings settings, int used, boolean canManage,
            List<Version> proposals, Map<UUID, String> sectionLabels, boolean saved, List<FieldError> errors) {

        public String error(String field) {
            return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).findFirst().orElse(null);
        }
    }
}

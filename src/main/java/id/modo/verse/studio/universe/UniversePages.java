package id.modo.verse.studio.universe;

import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.character.StudioPartForm;
import java.util.List;

/** The models of the universe page. */
public final class UniversePages {

    private UniversePages() {
    }

    /** The page's model: the project, a form per part, the picture slots and a message from the last action. */
    public record UniversePage(ProjectView project, WorkspaceTabs tabs, List<StudioPartForm> parts, List<Picture> pictures, boolean editable, String notice,
            String error) {
    }

    /** One picture field of a section, with its current picture and the section version an upload saves from. */
    public record Picture(String section, String field, String label, String url, int baseVersion) {
    }
}

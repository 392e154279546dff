package id.modo.verse.studio.universe;

import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.section.SectionDisplay;
import id.modo.verse.studio.section.StudioPartForm;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The models of the universe page, and of the universe on the public bible. */
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

    /** The universe as a reader of the bible meets it: its name, overview and filled sections with their pictures. */
    public record Shown(String name, String description, List<SectionDisplay.Shown> sections) {

        public boolean isEmpty() {
            return name == null && description == null && sections.isEmpty();
        }
    }

    public static Shown shown(UniverseView universe, Locale locale, Function<String, String> imageUrl) {
        return new Shown(universe.name(), universe.description(),
                SectionDisplay.all(UniverseSection.values(), universe::section, locale, imageUrl));
    }
}

package id.modo.verse.studio.character;

import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import java.util.List;

/** The models of the characters pages. */
public final class CharacterPages {

    private CharacterPages() {
    }

    public record ListPage(ProjectView project, WorkspaceTabs tabs, List<Card> cards, String graphSvg, boolean editable, List<StudioPartForm.Choice> roles,
            List<StudioPartForm.Choice> types, String error) {
    }

    public record Card(String id, String name, String role, String archetype, String imageUrl, int relationships) {
    }

    public record DetailPage(ProjectView project, WorkspaceTabs tabs, CharacterView character, List<StudioPartForm> parts, List<Pose> poses, String imageUrl,
            boolean editable, List<Relation> relationships, List<StudioPartForm.Choice> others, List<StudioPartForm.Choice> types,
            boolean uploads, String notice, String error) {
    }

    public record Pose(String key, String label, String url) {
    }

    public record Relation(String otherId, String otherName, String typeKey, String typeLabel, String description) {
    }
}

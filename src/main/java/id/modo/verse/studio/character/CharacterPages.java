package id.modo.verse.studio.character;

import id.modo.verse.common.web.Ui;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.section.SectionDisplay;
import id.modo.verse.studio.section.StudioPartForm;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The models of the characters pages, and of the characters on the public bible: both build their cards, relations
 * and graph texts here, so a character reads the same in the workspace and in the bible.
 */
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

    /**
     * A character as a reader of the bible meets it: the card, the age, the filled sections, the arc and whom they
     * stand to how. Nothing about who saved what.
     */
    public record Profile(Card card, String age, List<SectionDisplay.Shown> sections, String characterArc, String transformation,
            List<Relation> relationships) {
    }

    /** The card of a character; {@code thumbnail} turns its picture reference into a URL (null when there is none). */
    public static Card card(CharacterView c, Locale locale, Function<String, String> thumbnail) {
        return new Card(c.id().toString(), c.name(), c.role() == null ? null : c.role().label(locale), c.archetype(),
                thumbnail.apply(c.imageUrl()), c.relationships().size());
    }

    public static List<Relation> relations(CharacterView c, Locale locale) {
        return c.relationships().stream()
                .map(r -> new Relation(r.characterId().toString(), r.characterName(), r.relationshipType().key(),
                        r.relationshipType().label(locale), r.description()))
                .toList();
    }

    /** The bible's profile of a character: {@code thumbnail} for its card's picture, {@code imageUrl} for pictures in its sections. */
    public static Profile profile(CharacterView c, Locale locale, Function<String, String> thumbnail, Function<String, String> imageUrl) {
        String age = c.section(CharacterSection.PHYSIOLOGICAL).get("age");
        return new Profile(card(c, locale, thumbnail), age == null || age.isBlank() ? null : age,
                SectionDisplay.all(CharacterSection.values(), c::section, locale, imageUrl), c.characterArc(), c.transformation(),
                relations(c, locale));
    }

    /** The words of the relationship graph in the reader's language. */
    public static RelationshipGraph.Texts graphTexts(Ui ui) {
        return new RelationshipGraph.Texts(ui.t("characters.graph.title"), ui.t("characters.graph.legend"), ui.t("characters.graph.empty"),
                ui.t("characters.graph.summary"), ui.locale());
    }
}

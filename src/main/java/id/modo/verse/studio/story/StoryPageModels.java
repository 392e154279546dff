package id.modo.verse.studio.story;

import id.modo.verse.studio.SaveStatus;
import id.modo.verse.studio.WorkspaceTabs;
import id.modo.verse.studio.story.StoryContent.BeatSet;
import id.modo.verse.studio.story.StoryContent.WantNeed;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the story page shows, and the beats and curve the public bible shows the same way. */
public final class StoryPageModels {

    private StoryPageModels() {
    }

    public record BeatCard(String key, String title, int act, String guide, String text, Integer intensity) {
    }

    public record StructureOption(String key, String name, int beats) {
    }

    public record StoryPage(Stories.Story story, WorkspaceTabs tabs, boolean canEdit, Map<String, String> details, List<BeatCard> beats,
            String structure, List<StructureOption> structures, String curve, WantNeed wantNeed, SaveStatus detailsStatus,
            SaveStatus beatsStatus, SaveStatus wantNeedStatus) {

        /** The details chosen from a list (a select on the page), with the values the API takes. */
        public static final Map<String, List<String>> CHOICES = Map.of(
                "format", List.of("feature", "series", "short_movie", "short_video", "animation"),
                "intensity", List.of("light", "moderate", "intense"),
                "age_rating", List.of("G", "PG", "PG-13", "R", "NC-17"));

        /** The details that are the project's own fields, the same values its overview shows. */
        public static final List<String> PROJECT_FIELDS = List.of("format", "genre", "sub_genre", "target_audience", "target_market");
    }

    /** The beat cards of a beat set in its structure's order; a beat nobody wrote has no text. */
    public static List<BeatCard> cards(BeatSet set, Locale locale) {
        return Stories.beatsOf(set).stream()
                .map(b -> new BeatCard(b.key(), b.title(locale), b.act(), b.guide(locale), set.beats().get(b.key()),
                        set.intensities().get(b.key())))
                .toList();
    }

    /** The beats' intensities as an inline SVG curve; {@code title} and {@code description} are what a screen reader says. */
    public static String curve(List<BeatCard> beats, String title, String description) {
        return TensionCurve.svg(title, description, beats.stream().map(b -> new TensionCurve.Point(b.title(), b.intensity())).toList());
    }

    /** Each beat's height on the curve (1 to 3): its rating, or for an unrated beat the line between its rated neighbours. */
    public static double[] curveLevels(List<BeatCard> beats) {
        return TensionCurve.levels(beats.stream().map(b -> new TensionCurve.Point(b.title(), b.intensity())).toList());
    }

    /** The name of the set's structure, the hero's journey when it names none this version knows. */
    public static String structureName(BeatSet set, Locale locale) {
        return StoryStructure.fromKey(set.structure()).orElse(StoryStructure.HERO).name(locale);
    }
}

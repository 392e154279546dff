package id.modo.verse.studio.bible;

import id.modo.verse.studio.character.CharacterPages;
import id.modo.verse.studio.story.StoryContent;
import id.modo.verse.studio.universe.UniversePages;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;

/**
 * What {@code studio/bible-pdf.jte} prints: the chosen sections' content with every picture already embedded as a
 * {@code data:} URI (the renderer fetches nothing), and the labels in the chosen language. A section not chosen is
 * null or empty.
 */
public record BibleDocument(BibleLanguage language, String title, Set<BibleSection> sections, Cover cover, List<Fact> overview,
        String description, Story story, Structure structure, StoryContent.WantNeed wantNeed, List<CharacterPages.Profile> characters,
        String graphImage, UniversePages.Shown universe, List<MoodboardBeat> moodboard, Prediction prediction, List<Member> team,
        MessageSource messages) {

    public boolean has(BibleSection section) {
        return sections.contains(section);
    }

    public String lang() {
        return language.key();
    }

    public String t(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    public Locale locale() {
        return language.locale();
    }

    /** The cover: the logo (embedded, or null), the logline, the studio and the palette's hex colours. */
    public record Cover(String logo, String logline, String genre, String format, String studioName, String studioLogo, List<String> palette) {
    }

    /** A labelled fact of the overview (genre, format, audience…); only the filled ones are listed. */
    public record Fact(String label, String value) {
    }

    public record Story(String premise, String logline, String synopsis, String globalSynopsis) {
    }

    /** The structure's name, the curve as a picture, and the beats in its order with their key actions. */
    public record Structure(String name, String curveImage, List<Beat> beats) {
    }

    public record Beat(int number, String title, int act, String text, Integer intensity, List<KeyAction> keyActions) {
    }

    public record KeyAction(String character, String action) {
    }

    /** A beat's moodboard: its items in story order (the beat's own first, then each key action's). */
    public record MoodboardBeat(String title, List<MoodboardItem> items) {
    }

    public record MoodboardItem(String image, String description, Integer keyActionIndex, String status) {
    }

    /** The latest prediction's ERD figures: the predicted audience, the per-factor scores and the model's version. */
    public record Prediction(String predictedAudience, String competitorAudience, String modelVersion, String madeOn, List<Score> scores) {
    }

    public record Score(String name, String score, String competitor) {
    }

    public record Member(String name, String role) {
    }
}

package id.modo.verse.studio.story;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three parts of a story that are saved, versioned and restored on their own: its details (every text column),
 * its beat set, and its want/need matrix. Their JSON form is what {@code studio_versions.content} holds.
 */
public final class StoryContent {

    static final String ENTITY_TYPE = "story";
    static final String DETAILS = "details";
    static final String BEATS = "beats";
    static final String WANT_NEED = "want_need";

    private StoryContent() {
    }

    public record Details(String premise, String logline, String synopsis, String globalSynopsis, String duration, String format,
            Integer episodeCount, Integer episodeDuration, String genre, String subGenre, String tone, String intensity, String theme,
            String subTheme, String moralValues, String localValues, String plot, String twist, String conflictType,
            String targetAudience, String targetMarket, String ageRating) {

        static final Details EMPTY = new Details(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);

        /** These details with every non-null field of {@code change} applied; an empty text clears. */
        Details with(Details change) {
            return new Details(pick(change.premise, premise), pick(change.logline, logline), pick(change.synopsis, synopsis),
                    pick(change.globalSynopsis, globalSynopsis), pick(change.duration, duration), pick(change.format, format),
                    change.episodeCount != null ? change.episodeCount : episodeCount,
                    change.episodeDuration != null ? change.episodeDuration : episodeDuration, pick(change.genre, genre),
                    pick(change.subGenre, subGenre), pick(change.tone, tone), pick(change.intensity, intensity), pick(change.theme, theme),
                    pick(change.subTheme, subTheme), pick(change.moralValues, moralValues), pick(change.localValues, localValues),
                    pick(change.plot, plot), pick(change.twist, twist), pick(change.conflictType, conflictType),
                    pick(change.targetAudience, targetAudience), pick(change.targetMarket, targetMarket),
                    pick(change.ageRating, ageRating));
        }

        private static String pick(String requested, String current) {
            if (requested == null) {
                return current;
            }
            return requested.isBlank() ? null : requested.strip();
        }
    }

    /** A beat of a custom structure, in the writer's order. */
    public record CustomBeat(String key, String title) {
    }

    /**
     * The chosen structure and what is written for it: beat key → text, beat key → intensity (1 calm, 2 rising,
     * 3 intense), beat key → character id → action, and the custom structure's own beats.
     */
    public record BeatSet(String structure, List<CustomBeat> customBeats, Map<String, String> beats, Map<String, Integer> intensities,
            Map<String, Map<String, String>> keyActions) {

        static final BeatSet EMPTY = new BeatSet("hero", List.of(), Map.of(), Map.of(), Map.of());

        public BeatSet {
            customBeats = List.copyOf(customBeats);
            beats = new LinkedHashMap<>(beats);
            intensities = new LinkedHashMap<>(intensities);
            keyActions = new LinkedHashMap<>(keyActions);
        }
    }

    public record Want(String external, String known, String specific, boolean achieved) {
    }

    public record Need(String internal, String unknown, String universal, boolean achieved) {
    }

    /** The want/need matrix and the ending the writer chose over the implied one (null: the implied one). */
    public record WantNeed(Want want, Need need, String endingType) {

        static final WantNeed EMPTY = new WantNeed(new Want(null, null, null, false), new Need(null, null, null, false), null);

        /** Both achieved: happy; the need only: bittersweet; the want only: hollow; neither: tragic. */
        public String impliedEnding() {
            if (want.achieved()) {
                return need.achieved() ? "happy" : "hollow";
            }
            return need.achieved() ? "bittersweet" : "tragic";
        }

        public String ending() {
            return endingType != null ? endingType : impliedEnding();
        }
    }
}

package id.modo.verse.studio.story;

import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.VersionedContent;
import id.modo.verse.studio.story.StoryContent.BeatSet;
import id.modo.verse.studio.story.StoryContent.Details;
import id.modo.verse.studio.story.StoryContent.WantNeed;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a restored story version back into {@code stories}. Key actions of characters deleted since the version was
 * saved are left out (the version itself keeps them).
 */
@Component
class StoryVersions implements VersionedContent {

    private final Stories stories;
    private final MessageSource messages;

    StoryVersions(Stories stories, MessageSource messages) {
        this.stories = stories;
        this.messages = messages;
    }

    @Override
    public String entityType() {
        return StoryContent.ENTITY_TYPE;
    }

    @Override
    public Section accessSection() {
        return Section.STORY;
    }

    @Override
    public String typeLabel(Locale locale) {
        return messages.getMessage("studio.tab.story", null, null, locale);
    }

    /** The titles the story page gives its three forms. */
    @Override
    public String sectionLabel(String section, Locale locale) {
        String key = switch (section) {
            case StoryContent.DETAILS -> "studio.story.details";
            case StoryContent.BEATS -> "studio.story.beats";
            case StoryContent.WANT_NEED -> "studio.story.want_need";
            default -> null;
        };
        return key == null ? null : messages.getMessage(key, null, null, locale);
    }

    @Override
    public void apply(ProjectId project, UUID entityId, String section, String content) {
        switch (section) {
            case StoryContent.DETAILS -> stories.writeDetails(entityId, stories.read(content, Details.class));
            case StoryContent.BEATS -> stories.writeBeats(entityId,
                    stories.check(project, stories.withoutMissingCharacters(project, stories.read(content, BeatSet.class))));
            case StoryContent.WANT_NEED -> stories.writeWantNeed(entityId, stories.read(content, WantNeed.class));
            default -> throw new IllegalStateException("Unknown story section " + section);
        }
    }

    /** Story parts as titled paragraphs in English, so a diff shows beats and fields rather than JSON. */
    @Override
    public String readable(String section, String content) {
        StringBuilder text = new StringBuilder();
        switch (section) {
            case StoryContent.DETAILS -> {
                Details d = stories.read(content, Details.class);
                field(text, "Premise", d.premise());
                field(text, "Logline", d.logline());
                field(text, "Synopsis", d.synopsis());
                field(text, "Global synopsis", d.globalSynopsis());
                field(text, "Duration", d.duration());
                field(text, "Format", d.format());
                field(text, "Episodes", d.episodeCount() == null ? null : d.episodeCount().toString());
                field(text, "Episode length (min)", d.episodeDuration() == null ? null : d.episodeDuration().toString());
                field(text, "Genre", d.genre());
                field(text, "Sub-genre", d.subGenre());
                field(text, "Tone", d.tone());
                field(text, "Intensity", d.intensity());
                field(text, "Theme", d.theme());
                field(text, "Sub-theme", d.subTheme());
                field(text, "Moral values", d.moralValues());
                field(text, "Local values", d.localValues());
                field(text, "Plot", d.plot());
                field(text, "Twist", d.twist());
                field(text, "Conflict", d.conflictType());
                field(text, "Target audience", d.targetAudience());
                field(text, "Target market", d.targetMarket());
                field(text, "Age rating", d.ageRating());
            }
            case StoryContent.BEATS -> {
                BeatSet set = stories.read(content, BeatSet.class);
                field(text, "Structure", StoryStructure.fromKey(set.structure()).map(s -> s.name(java.util.Locale.ENGLISH)).orElse(set.structure()));
                for (StoryStructure.Beat beat : Stories.beatsOf(set)) {
                    String body = set.beats().get(beat.key());
                    Integer intensity = set.intensities().get(beat.key());
                    if (body != null || intensity != null) {
                        field(text, beat.titleEn() + (intensity == null ? "" : " (intensity " + intensity + ")"), body == null ? "" : body);
                    }
                    set.keyActions().getOrDefault(beat.key(), java.util.Map.of())
                            .forEach((character, action) -> field(text, "  Key action of " + character, action));
                }
            }
            case StoryContent.WANT_NEED -> {
                WantNeed m = stories.read(content, WantNeed.class);
                field(text, "Want, external", m.want().external());
                field(text, "Want, known", m.want().known());
                field(text, "Want, specific", m.want().specific());
                field(text, "Want achieved", m.want().achieved() ? "yes" : "no");
                field(text, "Need, internal", m.need().internal());
                field(text, "Need, unknown", m.need().unknown());
                field(text, "Need, universal", m.need().universal());
                field(text, "Need achieved", m.need().achieved() ? "yes" : "no");
                field(text, "Ending", m.ending() + (m.endingType() == null ? " (implied)" : " (chosen)"));
            }
            default -> text.append(content);
        }
        return text.toString().strip();
    }

    private static void field(StringBuilder text, String label, String value) {
        if (value != null) {
            text.append(label).append(":\n").append(value).append("\n\n");
        }
    }
}

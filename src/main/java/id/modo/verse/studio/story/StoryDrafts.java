package id.modo.verse.studio.story;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.story.Stories.Story;
import id.modo.verse.studio.story.StoryContent.BeatSet;
import id.modo.verse.studio.story.StoryContent.Details;
import id.modo.verse.studio.story.StoryContent.WantNeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The story as AI flows read it (its own text fills the prompts) and the section content a generated result would make
 * of it: the whole part, as a save of that part stores it, with only the generated fields changed. Studio's AI flows
 * keep that content as a proposal; nothing here writes the story.
 */
@Component
public class StoryDrafts {

    private final Stories stories;
    private final JdbcClient jdbc;

    StoryDrafts(Stories stories, JdbcClient jdbc) {
        this.stories = stories;
        this.jdbc = jdbc;
    }

    /** The story's text a prompt may use; {@code beatKeys} in the structure's order, {@code characters} id → name in display order. */
    public record StoryText(UUID storyId, String premise, String logline, String synopsis, String genre, String structure,
            String structureName, List<String> beatKeys, List<String> beatLines, Map<String, String> beatTexts,
            Map<UUID, String> characters) {
    }

    /** What a generated result would make a story part: its content as {@code studio_versions} keeps it. */
    public record Draft(String entityType, UUID entityId, String section, String content) {
    }

    /** One generated beat: a key of the story's structure, its text, and its intensity (1 calm … 3 intense). */
    public record GeneratedBeat(String key, String text, int intensity) {
    }

    public StoryText text(UserId actor, ProjectId project) {
        Story story = stories.get(actor, project);
        BeatSet set = story.beats();
        List<StoryStructure.Beat> beats = Stories.beatsOf(set);
        Map<String, String> texts = new LinkedHashMap<>();
        beats.forEach(beat -> {
            String text = set.beats().get(beat.key());
            if (text != null && !text.isBlank()) {
                texts.put(beat.key(), text);
            }
        });
        Map<UUID, String> characters = new LinkedHashMap<>();
        jdbc.sql("select id, name from characters where project_id = ? order by display_order, created_at, id").param(project.value())
                .query((rs, n) -> characters.put(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        String structureName = StoryStructure.fromKey(set.structure()).map(s -> s.name(Locale.ENGLISH)).orElse(set.structure());
        return new StoryText(story.id(), story.details().premise(), story.details().logline(), story.details().synopsis(),
                story.details().genre(), set.structure(), structureName, beats.stream().map(StoryStructure.Beat::key).toList(),
                beats.stream().filter(b -> texts.containsKey(b.key())).map(b -> b.titleEn() + ": " + texts.get(b.key())).toList(), texts,
                characters);
    }

    /** The titles of the beats that have text, by key in story order, in the reader's language: what a scene can be written from. */
    public Map<String, String> writtenBeats(UserId actor, ProjectId project, Locale locale) {
        BeatSet set = stories.get(actor, project).beats();
        Map<String, String> titles = new LinkedHashMap<>();
        Stories.beatsOf(set).stream().filter(b -> set.beats().get(b.key()) != null && !set.beats().get(b.key()).isBlank())
                .forEach(b -> titles.put(b.key(), b.title(locale)));
        return titles;
    }

    /** The details with one text field ({@code premise}, {@code logline} or {@code synopsis}) replaced. */
    public Draft details(UserId actor, ProjectId project, String field, String text) {
        Story story = stories.get(actor, project);
        Details change = switch (field) {
            case "premise" -> new Details(text, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
            case "logline" -> new Details(null, text, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
            case "synopsis" -> new Details(null, null, text, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
            default -> throw new IllegalArgumentException("Not a generated detail: " + field);
        };
        return new Draft(StoryContent.ENTITY_TYPE, story.id(), StoryContent.DETAILS, stories.write(story.details().with(change)));
    }

    /** The beat set with the generated beats' texts and intensities; beats not generated, and key actions, stay. */
    public Draft beats(UserId actor, ProjectId project, List<GeneratedBeat> generated) {
        Story story = stories.get(actor, project);
        BeatSet set = story.beats();
        Map<String, String> texts = new LinkedHashMap<>(set.beats());
        Map<String, Integer> intensities = new LinkedHashMap<>(set.intensities());
        generated.forEach(beat -> {
            texts.put(beat.key(), beat.text());
            intensities.put(beat.key(), Math.clamp(beat.intensity(), 1, 3));
        });
        BeatSet proposed = stories.check(project, new BeatSet(set.structure(), set.customBeats(), texts, intensities, set.keyActions()));
        return new Draft(StoryContent.ENTITY_TYPE, story.id(), StoryContent.BEATS, stories.write(proposed));
    }

    /** The beat set with one beat's key actions (character id → action) replaced; 400 for a key not of the story's structure. */
    public Draft keyActions(UserId actor, ProjectId project, String beatKey, Map<UUID, String> actions) {
        Story story = stories.get(actor, project);
        BeatSet set = story.beats();
        requireBeat(set, beatKey);
        Map<String, Map<String, String>> keyActions = new LinkedHashMap<>(set.keyActions());
        Map<String, String> beat = new LinkedHashMap<>();
        actions.forEach((character, action) -> beat.put(character.toString(), action));
        keyActions.put(beatKey, beat);
        BeatSet proposed = stories.check(project, new BeatSet(set.structure(), set.customBeats(), set.beats(), set.intensities(), keyActions));
        return new Draft(StoryContent.ENTITY_TYPE, story.id(), StoryContent.BEATS, stories.write(proposed));
    }

    /** The want/need matrix with its external want and internal need replaced; the rest of the matrix stays. */
    public Draft wantNeed(UserId actor, ProjectId project, String want, String need) {
        Story story = stories.get(actor, project);
        WantNeed current = story.wantNeed();
        WantNeed proposed = new WantNeed(new StoryContent.Want(want, current.want().known(), current.want().specific(), current.want().achieved()),
                new StoryContent.Need(need, current.need().unknown(), current.need().universal(), current.need().achieved()), current.endingType());
        return new Draft(StoryContent.ENTITY_TYPE, story.id(), StoryContent.WANT_NEED, stories.write(proposed));
    }

    /** 400 naming {@code beat} unless it is a beat of the story's structure. */
    private static void requireBeat(BeatSet set, String beatKey) {
        List<String> keys = Stories.beatsOf(set).stream().map(StoryStructure.Beat::key).toList();
        if (beatKey == null || !keys.contains(beatKey)) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                    Map.of("errors", List.of(new FieldError("beat", "must be one of " + String.join(", ", keys)))));
        }
    }
}

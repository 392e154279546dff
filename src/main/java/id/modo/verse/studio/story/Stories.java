package id.modo.verse.studio.story;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.Snapshot;
import id.modo.verse.identity.UserId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.StudioEvents;
import id.modo.verse.studio.Version;
import id.modo.verse.studio.Versions;
import id.modo.verse.studio.story.StoryContent.BeatSet;
import id.modo.verse.studio.story.StoryContent.CustomBeat;
import id.modo.verse.studio.story.StoryContent.Details;
import id.modo.verse.studio.story.StoryContent.WantNeed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A project's story: its details, its beat set on a chosen structure and its want/need matrix. Every save is a
 * version ({@link Versions#save}) made from the base version the client's edit started from, so two writers never
 * overwrite each other; switching structure leaves the old beats in the previous version.
 */
@Service
public class Stories {

    /** The project's own columns that the story details show and edit too. */
    private static final Set<String> SHARED_WITH_PROJECT = Set.of("genre", "sub_genre", "format", "target_audience", "target_market");

    static final Pattern CUSTOM_KEY = Pattern.compile("^[a-z0-9_]{1,60}$");
    static final int MAX_CUSTOM_BEATS = 40;

    private final JdbcClient jdbc;
    private final ProjectAccess access;
    private final Versions versions;
    private final JsonMapper json;
    private final Snapshot snapshot;
    private final Clock clock;

    Stories(JdbcClient jdbc, ProjectAccess access, Versions versions, JsonMapper json, Snapshot snapshot, Clock clock) {
        this.jdbc = jdbc;
        this.snapshot = snapshot;
        this.access = access;
        this.versions = versions;
        this.json = json;
        this.clock = clock;
    }

    /** A story as stored now, with the current version of each of its parts (absent when never saved). */
    public record Story(UUID id, ProjectView project, Details details, BeatSet beats, WantNeed wantNeed, Map<String, Version> versions) {

        public int version(String section) {
            Version current = versions.get(section);
            return current == null ? 0 : current.number();
        }

        public Optional<Version> current(String section) {
            return Optional.ofNullable(versions.get(section));
        }
    }

    public Story get(UserId actor, ProjectId project) {
        ProjectView view = access.read(actor, project);
        return snapshot.read(() -> load(view));
    }

    /** The story of a public project, for the public bible page (no caller). */
    @Transactional(readOnly = true)
    public Optional<Story> publicStory(ProjectId project) {
        return access.publicProject(project).map(this::load);
    }

    @Transactional
    public Story saveDetails(UserId actor, ProjectId project, Details change, int baseVersion) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        Story story = load(view);
        Details details = story.details().with(change);
        versions.save(project, StoryContent.ENTITY_TYPE, story.id(), StoryContent.DETAILS, write(details), baseVersion, actor);
        writeDetails(story.id(), details);
        return load(view);
    }

    /**
     * Genre, sub-genre, format, audience and market live on the project, so the overview saves them; recording that as
     * the next story-details version keeps the details' history whole and makes a story form opened before it stale
     * (409 on its save) rather than letting it put the old values back.
     */
    @EventListener
    void projectUpdated(StudioEvents.ProjectUpdated event) {
        if (event.oldValues().keySet().stream().noneMatch(SHARED_WITH_PROJECT::contains)) {
            return;
        }
        UserId actor = UserId.of(event.actorId());
        ProjectId project = ProjectId.of(event.projectId());
        Story story = load(access.read(actor, project));
        versions.save(project, StoryContent.ENTITY_TYPE, story.id(), StoryContent.DETAILS, write(story.details()),
                story.version(StoryContent.DETAILS), actor);
    }

    @Transactional
    public Story saveBeats(UserId actor, ProjectId project, BeatSet beats, int baseVersion) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        Story story = load(view);
        BeatSet checked = check(project, beats);
        versions.save(project, StoryContent.ENTITY_TYPE, story.id(), StoryContent.BEATS, write(checked), baseVersion, actor);
        writeBeats(story.id(), checked);
        return load(view);
    }

    @Transactional
    public Story saveWantNeed(UserId actor, ProjectId project, WantNeed wantNeed, int baseVersion) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        Story story = load(view);
        versions.save(project, StoryContent.ENTITY_TYPE, story.id(), StoryContent.WANT_NEED, write(wantNeed), baseVersion, actor);
        writeWantNeed(story.id(), wantNeed);
        return load(view);
    }

    /** The beats of the set's structure in order: the fixed ones, or the custom ones. */
    static List<StoryStructure.Beat> beatsOf(BeatSet set) {
        StoryStructure structure = StoryStructure.fromKey(set.structure()).orElse(StoryStructure.HERO);
        if (structure != StoryStructure.CUSTOM) {
            return structure.beats();
        }
        return set.customBeats().stream().map(b -> new StoryStructure.Beat(b.key(), 0, b.title(), b.title(), null, null)).toList();
    }

    /**
     * Checks a beat set against its structure: every key of beats, intensities and key actions must be a beat of the
     * structure (400 naming the first that is not); key actions name characters of this project only. The maps come
     * back in the structure's beat order.
     */
    BeatSet check(ProjectId project, BeatSet set) {
        List<FieldError> errors = new ArrayList<>();
        StoryStructure structure = StoryStructure.fromKey(set.structure()).orElse(null);
        if (structure == null) {
            throw invalid(List.of(new FieldError("structure", "must be one of hero, cat, harmon, three_act, freytag, custom")));
        }
        List<CustomBeat> custom = structure == StoryStructure.CUSTOM ? set.customBeats() : List.of();
        if (custom.size() > MAX_CUSTOM_BEATS) {
            errors.add(new FieldError("custom_beats", "at most " + MAX_CUSTOM_BEATS + " beats"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < custom.size(); i++) {
            CustomBeat beat = custom.get(i);
            if (beat == null || beat.key() == null || !CUSTOM_KEY.matcher(beat.key()).matches()) {
                errors.add(new FieldError("custom_beats[" + i + "].key", "must be 1 to 60 lowercase letters, digits or _"));
            } else if (!seen.add(beat.key())) {
                errors.add(new FieldError("custom_beats[" + i + "].key", "is used twice"));
            }
            if (beat == null || beat.title() == null || beat.title().isBlank() || beat.title().length() > 120) {
                errors.add(new FieldError("custom_beats[" + i + "].title", "must be 1 to 120 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        BeatSet normalized = new BeatSet(structure.key(), custom.stream().map(b -> new CustomBeat(b.key(), b.title().strip())).toList(),
                Map.of(), Map.of(), Map.of());
        Set<String> keys = new LinkedHashSet<>(beatsOf(normalized).stream().map(StoryStructure.Beat::key).toList());
        String name = structure.name(java.util.Locale.ENGLISH);
        set.beats().forEach((key, text) -> {
            if (!keys.contains(key)) {
                errors.add(new FieldError("beats." + key, "is not a beat of " + name));
            } else if (text != null && text.length() > 10_000) {
                errors.add(new FieldError("beats." + key, "must be at most 10000 characters"));
            }
        });
        set.intensities().forEach((key, level) -> {
            if (!keys.contains(key)) {
                errors.add(new FieldError("intensities." + key, "is not a beat of " + name));
            } else if (level == null || level < 1 || level > 3) {
                errors.add(new FieldError("intensities." + key, "must be 1 (calm), 2 (rising) or 3 (intense)"));
            }
        });
        Set<String> characters = new HashSet<>(jdbc.sql("select id::text from characters where project_id = ?")
                .param(project.value()).query(String.class).list());
        set.keyActions().forEach((key, actions) -> {
            if (!keys.contains(key)) {
                errors.add(new FieldError("key_actions." + key, "is not a beat of " + name));
                return;
            }
            if (actions == null) {
                return;
            }
            actions.forEach((character, action) -> {
                if (!characters.contains(character)) {
                    errors.add(new FieldError("key_actions." + key + "." + character, "is not a character of this project"));
                } else if (action != null && action.length() > 2_000) {
                    errors.add(new FieldError("key_actions." + key + "." + character, "must be at most 2000 characters"));
                }
            });
        });
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        Map<String, String> beats = new LinkedHashMap<>();
        Map<String, Integer> intensities = new LinkedHashMap<>();
        Map<String, Map<String, String>> keyActions = new LinkedHashMap<>();
        for (String key : keys) {
            String text = set.beats().get(key);
            if (text != null && !text.isBlank()) {
                beats.put(key, text.strip());
            }
            if (set.intensities().get(key) != null) {
                intensities.put(key, set.intensities().get(key));
            }
            Map<String, String> actions = set.keyActions().get(key);
            if (actions != null) {
                Map<String, String> kept = new LinkedHashMap<>();
                actions.forEach((character, action) -> {
                    if (action != null && !action.isBlank()) {
                        kept.put(character, action.strip());
                    }
                });
                if (!kept.isEmpty()) {
                    keyActions.put(key, kept);
                }
            }
        }
        return new BeatSet(normalized.structure(), normalized.customBeats(), beats, intensities, keyActions);
    }

    /** The set without key actions of characters that are no longer in the project (a restore of an older version). */
    BeatSet withoutMissingCharacters(ProjectId project, BeatSet set) {
        Set<String> characters = new HashSet<>(jdbc.sql("select id::text from characters where project_id = ?")
                .param(project.value()).query(String.class).list());
        Map<String, Map<String, String>> keyActions = new LinkedHashMap<>();
        set.keyActions().forEach((beat, actions) -> {
            Map<String, String> kept = new LinkedHashMap<>(actions);
            kept.keySet().retainAll(characters);
            keyActions.put(beat, kept);
        });
        return new BeatSet(set.structure(), set.customBeats(), set.beats(), set.intensities(), keyActions);
    }

    // Writing back, also for restores (StoryVersions).

    /**
     * Writes details back. Genre, sub-genre, format, target audience and target market are the project's (its overview
     * edits the same values), so they go to {@code projects}.
     */
    void writeDetails(UUID story, Details d) {
        jdbc.sql("""
                update stories set premise = :premise, logline = :logline, synopsis = :synopsis, global_synopsis = :globalSynopsis,
                  duration = :duration, episode_count = :episodeCount, episode_duration = :episodeDuration,
                  tone = :tone, intensity = :intensity, theme = :theme, sub_theme = :subTheme,
                  moral_values = :moralValues, local_values = :localValues, plot = :plot, twist = :twist,
                  conflict_type = :conflictType, age_rating = :ageRating, updated_at = :now
                where id = :id""")
                .param("premise", d.premise()).param("logline", d.logline()).param("synopsis", d.synopsis())
                .param("globalSynopsis", d.globalSynopsis()).param("duration", d.duration())
                .param("episodeCount", d.episodeCount()).param("episodeDuration", d.episodeDuration())
                .param("tone", d.tone()).param("intensity", d.intensity()).param("theme", d.theme())
                .param("subTheme", d.subTheme()).param("moralValues", d.moralValues()).param("localValues", d.localValues())
                .param("plot", d.plot()).param("twist", d.twist()).param("conflictType", d.conflictType())
                .param("ageRating", d.ageRating())
                .param("now", Timestamp.from(clock.instant())).param("id", story)
                .update();
        jdbc.sql("""
                update projects set genre = cast(:genre as varchar), sub_genre = cast(:subGenre as varchar),
                  format = cast(:format as varchar), target_audience = cast(:targetAudience as varchar),
                  target_market = cast(:targetMarket as varchar), updated_at = :now
                where id = (select project_id from stories where id = :id)
                  and (genre, sub_genre, format, target_audience, target_market)
                      is distinct from (cast(:genre as varchar), cast(:subGenre as varchar), cast(:format as varchar),
                        cast(:targetAudience as varchar), cast(:targetMarket as varchar))""")
                .param("genre", d.genre()).param("subGenre", d.subGenre()).param("format", d.format())
                .param("targetAudience", d.targetAudience()).param("targetMarket", d.targetMarket())
                .param("now", Timestamp.from(clock.instant())).param("id", story)
                .update();
    }

    void writeBeats(UUID story, BeatSet set) {
        jdbc.sql("""
                update stories set structure = ?, custom_beats = cast(? as jsonb), structure_beats = cast(? as jsonb),
                  beat_intensities = cast(? as jsonb), key_actions = cast(? as jsonb), updated_at = ?
                where id = ?""")
                .params(set.structure(), json.writeValueAsString(set.customBeats()), json.writeValueAsString(set.beats()),
                        json.writeValueAsString(set.intensities()), json.writeValueAsString(set.keyActions()),
                        Timestamp.from(clock.instant()), story)
                .update();
    }

    void writeWantNeed(UUID story, WantNeed wantNeed) {
        jdbc.sql("update stories set want_need_matrix = cast(? as jsonb), ending_type = ?, updated_at = ? where id = ?")
                .params(json.writeValueAsString(Map.of("want", wantNeed.want(), "need", wantNeed.need())), wantNeed.endingType(),
                        Timestamp.from(clock.instant()), story)
                .update();
    }

    /** A part's version content: pretty JSON, one field per line, so a word diff of two versions reads well. */
    String write(Object part) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(part);
    }

    <T> T read(String content, Class<T> type) {
        return json.readValue(content, type);
    }

    private Story load(ProjectView project) {
        record Row(UUID id, Details details, BeatSet beats, WantNeed wantNeed) {
        }
        Row row = jdbc.sql("""
                select s.id, s.premise, s.logline, s.synopsis, s.global_synopsis, s.duration, p.format, s.episode_count,
                  s.episode_duration, p.genre, p.sub_genre, s.tone, s.intensity, s.theme, s.sub_theme, s.moral_values, s.local_values,
                  s.plot, s.twist, s.conflict_type, p.target_audience, p.target_market, s.age_rating, s.structure,
                  s.custom_beats::text as custom_beats, s.structure_beats::text as structure_beats,
                  s.beat_intensities::text as beat_intensities, s.key_actions::text as key_actions,
                  s.want_need_matrix::text as want_need_matrix, s.ending_type
                from stories s join projects p on p.id = s.project_id where s.project_id = ?""")
                .param(project.id().value())
                .query((rs, n) -> {
                    Details details = new Details(rs.getString("premise"), rs.getString("logline"), rs.getString("synopsis"),
                            rs.getString("global_synopsis"), rs.getString("duration"), rs.getString("format"),
                            (Integer) rs.getObject("episode_count"), (Integer) rs.getObject("episode_duration"), rs.getString("genre"),
                            rs.getString("sub_genre"), rs.getString("tone"), rs.getString("intensity"), rs.getString("theme"),
                            rs.getString("sub_theme"), rs.getString("moral_values"), rs.getString("local_values"), rs.getString("plot"),
                            rs.getString("twist"), rs.getString("conflict_type"), rs.getString("target_audience"),
                            rs.getString("target_market"), rs.getString("age_rating"));
                    BeatSet beats = new BeatSet(rs.getString("structure"),
                            json.readValue(rs.getString("custom_beats"), new TypeReference<List<CustomBeat>>() { }),
                            json.readValue(rs.getString("structure_beats"), new TypeReference<LinkedHashMap<String, String>>() { }),
                            json.readValue(rs.getString("beat_intensities"), new TypeReference<LinkedHashMap<String, Integer>>() { }),
                            json.readValue(rs.getString("key_actions"),
                                    new TypeReference<LinkedHashMap<String, Map<String, String>>>() { }));
                    WantNeed wantNeed = wantNeed(rs.getString("want_need_matrix"), rs.getString("ending_type"));
                    return new Row(rs.getObject("id", UUID.class), details, beats, wantNeed);
                })
                .optional()
                .orElseThrow(ProjectAccess::notFound);
        return new Story(row.id(), project, row.details(), row.beats(), row.wantNeed(),
                versions.currentSections(StoryContent.ENTITY_TYPE, row.id()));
    }

    private WantNeed wantNeed(String matrix, String endingType) {
        record Stored(StoryContent.Want want, StoryContent.Need need) {
        }
        Stored stored = json.readValue(matrix, Stored.class);
        return new WantNeed(stored.want() == null ? WantNeed.EMPTY.want() : stored.want(),
                stored.need() == null ? WantNeed.EMPTY.need() : stored.need(), endingType);
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
    }
}

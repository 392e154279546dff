package id.modo.verse.studio.animatic;

import id.modo.verse.ai.Generation;
import id.modo.verse.ai.GenerationId;
import id.modo.verse.ai.GenerationMode;
import id.modo.verse.ai.GenerationRequests;
import id.modo.verse.ai.GenerationStatus;
import id.modo.verse.ai.GenerationType;
import id.modo.verse.common.ConstraintViolations;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.AssetId;
import id.modo.verse.media.AssetView;
import id.modo.verse.media.Assets;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import id.modo.verse.studio.Section;
import id.modo.verse.studio.ai.ProjectAiSettings;
import id.modo.verse.studio.story.StoryBeats;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A beat's AI video, made through the AI gateway ({@link GenerationType#BEAT_VIDEO}, a job: its credits held, then
 * charged once when the video is made, released when it fails or is cancelled). The prompt is the beat's title and
 * text, its moodboard items' prompts (else descriptions) with their style, colours and light, and the project's AI
 * settings (genre, tone, audience, language). Each video is a row of {@code beat_ai_videos} that remembers its
 * generation; the next look by someone who may edit the story settles an ended generation into it (its MP4 in the
 * organization's media library, or why it did not come), which needs no listener in the gateway and survives a
 * restart. One video per beat is made at a time; discarding one cancels it while it is made, or deletes its MP4.
 */
@Service
public class BeatVideos {

    /** The size the videos are made in: landscape, as the animatic renders. */
    static final String SIZE = "1280x720";
    /** The most of the beat's and its moodboard's words a prompt takes. */
    static final int MAX_PROMPT = 4_000;

    /** A video of a beat; {@code videoUrl} plays it for a while once made. */
    public record BeatVideo(UUID id, String beatKey, int seconds, String status, UUID generationId, UUID jobId, UUID assetId,
            String videoUrl, String errorMessage, int creditsPrice, Integer creditsCharged, Instant createdAt) {

        public boolean live() {
            return "generating".equals(status);
        }
    }

    /** What a video costs the organization now: its lengths with their credits; empty when no video model serves it. */
    public record Offer(Map<Integer, Integer> creditsBySeconds) {
    }

    private final ProjectAccess access;
    private final StoryBeats beats;
    private final ProjectAiSettings settings;
    private final GenerationRequests generations;
    private final Assets assets;
    private final JdbcClient jdbc;
    private final Clock clock;

    BeatVideos(ProjectAccess access, StoryBeats beats, ProjectAiSettings settings, GenerationRequests generations, Assets assets,
            JdbcClient jdbc, Clock clock) {
        this.access = access;
        this.beats = beats;
        this.settings = settings;
        this.generations = generations;
        this.assets = assets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Optional<Offer> offer(ProjectView view) {
        return generations.videoOffer(view.organizationId(), GenerationType.BEAT_VIDEO).map(offer -> new Offer(offer.creditsBySeconds()));
    }

    /**
     * Starts a video of the beat {@code beatKey}, {@code seconds} long: 400 for a beat the story does not have or a
     * length the video models do not make, 409 while the beat's last video is still being made, and the gateway's
     * problems (409 {@code ai-not-configured}, 402, 429, 409 {@code project-allotment-exceeded}) with nothing held.
     */
    public BeatVideo start(UserId actor, ProjectId project, String beatKey, Integer seconds) {
        ProjectView view = access.edit(actor, project, Section.STORY);
        StoryBeats.Beat beat = beats.of(actor, project, Locale.ENGLISH).stream().filter(b -> b.key().equals(beatKey)).findFirst()
                .orElseThrow(() -> invalid("beat_key", "must be a beat of the story's structure"));
        Optional<Offer> offer = offer(view);
        if (seconds == null || offer.isPresent() && !offer.get().creditsBySeconds().containsKey(seconds)) {
            throw invalid("seconds", "must be one of " + offer.map(o -> o.creditsBySeconds().keySet().stream().map(String::valueOf)
                    .collect(Collectors.joining(", "))).orElse("the lengths the video model makes"));
        }
        if (jdbc.sql("select count(*) from beat_ai_videos where project_id = ? and beat_key = ? and status = 'generating'")
                .params(project.value(), beat.key()).query(Integer.class).single() > 0) {
            throw busy();
        }
        ProjectAiSettings.Settings projectSettings = settings.get(actor, project);
        String prompt = prompt(project, beat);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("prompt", prompt);
        input.put("seconds", String.valueOf(seconds));
        input.put("size", SIZE);
        putIfPresent(input, "genre", view.genre());
        putIfPresent(input, "tone", projectSettings.tone());
        putIfPresent(input, "audience", projectSettings.audience());
        putIfPresent(input, "style", style(project, beat));
        Generation generation = generations.begin(actor, view.organizationId(), new GenerationRequests.NewGeneration(
                GenerationType.BEAT_VIDEO.key(), input, project.value(), projectSettings.language()), GenerationMode.JOB);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into beat_ai_videos (id, project_id, beat_key, generation_id, seconds, prompt, created_by, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, project.value(), beat.key(), generation.id().value(), seconds, prompt, actor.value(),
                            java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant()))
                    .update();
        } catch (DataIntegrityViolationException e) {
            if (!ConstraintViolations.isUnique(e)) {
                throw e;
            }
            // Another click won between the check and here: this generation's hold comes back.
            generations.cancel(actor, generation.id());
            throw busy();
        }
        return describe(view, row(project, id).orElseThrow(BeatVideos::notFound), actor);
    }

    /**
     * The project's AI videos, newest first, whether the reader may make one and, for who may, the offer (empty when no
     * video model serves the organization).
     */
    public record Overview(List<BeatVideo> videos, boolean canGenerate, Optional<Offer> offer) {
    }

    /** The project's AI videos for everyone who may read the project; ended generations settled first. */
    public Overview overview(UserId reader, ProjectId project) {
        ProjectView view = access.read(reader, project);
        boolean editor = view.canEdit(Section.STORY);
        List<Row> rows = rows(project);
        if (editor && settle(reader, rows)) {
            rows = rows(project);
        }
        return new Overview(describe(view, rows, reader), editor, editor ? offer(view) : Optional.empty());
    }

    /** One of them; 404 for another project's, or a discarded one. */
    public BeatVideo get(UserId reader, ProjectId project, UUID id) {
        return overview(reader, project).videos().stream().filter(video -> video.id().equals(id)).findFirst().orElseThrow(BeatVideos::notFound);
    }

    /** Stops a video being made (its hold comes back); it stays listed as cancelled. 409 once it has ended. */
    public BeatVideo cancel(UserId actor, ProjectId project, UUID id) {
        access.edit(actor, project, Section.STORY);
        Row row = row(project, id).orElseThrow(BeatVideos::notFound);
        generations.cancel(actor, GenerationId.of(row.generationId()));
        return get(actor, project, id);
    }

    /** Drops a video: one being made is cancelled (its hold comes back), a made one's MP4 is deleted from the library. */
    public void discard(UserId actor, ProjectId project, UUID id) {
        access.edit(actor, project, Section.STORY);
        Row row = jdbc.sql("delete from beat_ai_videos where id = ? and project_id = ? returning *").params(id, project.value())
                .query(BeatVideos::row).optional().orElseThrow(BeatVideos::notFound);
        Generation generation = generation(actor, row.generationId()).orElse(null);
        if (generation != null && !generation.status().terminal()) {
            try {
                generation = generations.cancel(actor, generation.id());
            } catch (ProblemException ended) {
                // It ended between the read and the cancel: what it made is deleted below.
                generation = generation(actor, row.generationId()).orElse(null);
            }
        }
        UUID made = row.assetId() != null ? row.assetId()
                : generation != null && generation.status() == GenerationStatus.COMPLETED ? generation.resultAssetId() : null;
        if (made != null) {
            assets.delete(actor, AssetId.of(made));
        }
    }

    /** Settles every ended generation into its row; true when one changed. */
    private boolean settle(UserId reader, List<Row> rows) {
        boolean changed = false;
        for (Row row : rows) {
            if (!"generating".equals(row.status())) {
                continue;
            }
            Generation generation = generation(reader, row.generationId()).orElse(null);
            if (generation != null && !generation.status().terminal()) {
                continue;
            }
            String status = generation == null ? "failed"
                    : generation.status() == GenerationStatus.COMPLETED && generation.resultAssetId() != null ? "completed"
                    : generation.status() == GenerationStatus.CANCELLED ? "cancelled" : "failed";
            String error = generation == null ? "The generation is gone."
                    : "failed".equals(status) ? (generation.error() != null ? generation.error() : "The AI provider gave no video.") : null;
            changed |= jdbc.sql("""
                    update beat_ai_videos set status = ?, asset_id = ?, error_message = ?, updated_at = ?
                    where id = ? and status = 'generating'""")
                    .params(status, "completed".equals(status) ? generation.resultAssetId() : null, error,
                            java.sql.Timestamp.from(clock.instant()), row.id())
                    .update() == 1;
        }
        return changed;
    }

    /**
     * The beat's words and its moodboard's, so the video shows what the moodboard shows: the beat's title and text,
     * then each item's prompt (else its description), cut at {@link #MAX_PROMPT} characters.
     */
    private String prompt(ProjectId project, StoryBeats.Beat beat) {
        List<String> parts = new ArrayList<>();
        parts.add(beat.title() + (beat.text().isBlank() ? "" : ": " + beat.text().strip()));
        jdbc.sql("""
                select coalesce(nullif(trim(ai_prompt), ''), nullif(trim(description), '')) from moodboards
                where project_id = ? and beat_index = ? order by key_action_index nulls first, position, id""")
                .params(project.value(), beat.index()).query(String.class).list().stream()
                .filter(text -> text != null && !text.isBlank()).forEach(parts::add);
        String prompt = String.join("\n", parts);
        return prompt.length() > MAX_PROMPT ? prompt.substring(0, MAX_PROMPT) : prompt;
    }

    /** The beat's moodboard look: its items' animation styles, colour moods and lighting, each once. */
    private String style(ProjectId project, StoryBeats.Beat beat) {
        String style = jdbc.sql("""
                select animation_style, color_mood, lighting from moodboards where project_id = ? and beat_index = ?
                order by key_action_index nulls first, position, id""")
                .params(project.value(), beat.index())
                .query((rs, n) -> Stream.of(rs.getString(1), rs.getString(2), rs.getString(3))).list().stream()
                .flatMap(values -> values).filter(value -> value != null && !value.isBlank()).map(String::strip).distinct()
                .collect(Collectors.joining(", "));
        return style.isEmpty() ? null : style;
    }

    private List<BeatVideo> describe(ProjectView view, List<Row> rows, UserId reader) {
        List<AssetId> ids = rows.stream().filter(row -> row.assetId() != null).map(row -> AssetId.of(row.assetId())).toList();
        Map<AssetId, AssetView> media = ids.isEmpty() ? Map.of() : assets.find(view.organizationId(), ids);
        boolean editor = view.canEdit(Section.STORY);
        return rows.stream().map(row -> {
            Generation generation = editor ? generation(reader, row.generationId()).orElse(null) : null;
            AssetView asset = row.assetId() == null ? null : media.get(AssetId.of(row.assetId()));
            return new BeatVideo(row.id(), row.beatKey(), row.seconds(), row.status(), row.generationId(),
                    generation == null ? null : generation.jobId(), row.assetId(), local(asset), row.errorMessage(),
                    generation == null ? 0 : generation.creditsPrice(), generation == null ? null : generation.creditsCharged(), row.createdAt());
        }).toList();
    }

    private BeatVideo describe(ProjectView view, Row row, UserId reader) {
        return describe(view, List.of(row), reader).getFirst();
    }

    private Optional<Generation> generation(UserId reader, UUID id) {
        try {
            return Optional.of(generations.get(reader, GenerationId.of(id)));
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The URL's path and query, so pages fetch from whatever host served them. */
    private static String local(AssetView asset) {
        if (asset == null || asset.url() == null) {
            return null;
        }
        URI url = asset.url();
        return url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
    }

    private record Row(UUID id, String beatKey, UUID generationId, int seconds, String status, UUID assetId, String errorMessage,
            Instant createdAt) {
    }

    private List<Row> rows(ProjectId project) {
        return jdbc.sql("select * from beat_ai_videos where project_id = ? order by created_at desc, id").param(project.value())
                .query(BeatVideos::row).list();
    }

    private Optional<Row> row(ProjectId project, UUID id) {
        return jdbc.sql("select * from beat_ai_videos where id = ? and project_id = ?").params(id, project.value()).query(BeatVideos::row).optional();
    }

    private static Row row(java.sql.ResultSet rs, int number) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("beat_key"), rs.getObject("generation_id", UUID.class), rs.getInt("seconds"),
                rs.getString("status"), rs.getObject("asset_id", UUID.class), rs.getString("error_message"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static void putIfPresent(Map<String, Object> input, String name, String value) {
        if (value != null && !value.isBlank()) {
            input.put(name, value);
        }
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", List.of(new FieldError(field, message))));
    }

    private static ProblemException busy() {
        return new ProblemException(ProblemType.CONFLICT, "A video of this beat is being made already: wait for it, or discard it.");
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such AI video in this project.");
    }
}

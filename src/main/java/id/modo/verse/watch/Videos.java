package id.modo.verse.watch;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.Jobs;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.AssetId;
import id.modo.verse.media.AssetView;
import id.modo.verse.media.Assets;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The video of a movie (short, documentary) or of an episode: an upload stores the source in the media library, marks
 * the video processing and starts its transcoding job ({@link TranscodeJob}); one video transcodes at a time.
 */
@Service
public class Videos {

    private static final Logger log = LoggerFactory.getLogger(Videos.class);
    static final String SOURCE_CATEGORY = "watch-source";

    private final Contents contents;
    private final ContentRepository repository;
    private final Organizations organizations;
    private final Assets assets;
    private final Jobs jobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Videos(Contents contents, ContentRepository repository, Organizations organizations, Assets assets, Jobs jobs, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.contents = contents;
        this.repository = repository;
        this.organizations = organizations;
        this.assets = assets;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Receives a source (streamed into the media library, within its upload limit and the organization's quota) and starts
     * transcoding it. A video already transcoding is 409 {@code transcoding-in-progress}.
     *
     * @param episode null for the content's own video (not a series), else one of the series' episodes
     */
    public VideoView upload(UserId actor, OrganizationId organization, ContentId contentId, EpisodeId episode, String fileName,
            InputStream source) {
        return upload(actor, organization, contentId, episode, fileName, source, false);
    }

    /** As {@link #upload(UserId, OrganizationId, ContentId, EpisodeId, String, InputStream)}; {@code publishWhenReady} for the demo. */
    VideoView upload(UserId actor, OrganizationId organization, ContentId contentId, EpisodeId episode, String fileName,
            InputStream source, boolean publishWhenReady) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Content content = contents.load(organization, contentId);
        requireTarget(content, episode);
        Optional<Row> existing = find(content.id(), episode);
        if (existing.filter(row -> row.state().equals("processing")).isPresent()) {
            throw transcoding();
        }
        AssetView stored = assets.upload(actor, organization, null, SOURCE_CATEGORY, fileName, source);
        UUID videoId;
        try {
            videoId = transactions.execute(status -> start(actor, organization, contentId, episode, stored.id(), publishWhenReady));
        } catch (RuntimeException e) {
            discard(actor, stored.id().value());
            throw e;
        }
        existing.map(Row::sourceAssetId).ifPresent(old -> discard(actor, old));
        return view(videoId).orElseThrow();
    }

    /** What an upload checks before its bytes arrive: the actor may edit, the target takes a video, none is transcoding. */
    void requireUploadable(UserId actor, OrganizationId organization, ContentId contentId, EpisodeId episode) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Content content = contents.load(organization, contentId);
        requireTarget(content, episode);
        if (find(content.id(), episode).filter(row -> row.state().equals("processing")).isPresent()) {
            throw transcoding();
        }
    }

    private UUID start(UserId actor, OrganizationId organization, ContentId contentId, EpisodeId episode, AssetId source,
            boolean publishWhenReady) {
        // Serializes uploads to one content, so two at once cannot both start a job for the same video.
        jdbc.sql("select id from contents where id = ? and organization_id = ? for update").params(contentId.value(), organization.value())
                .query(UUID.class).optional().orElseThrow(Contents::notFound);
        Content content = contents.load(organization, contentId);
        Optional<Row> current = find(content.id(), episode);
        if (current.filter(row -> row.state().equals("processing")).isPresent()) {
            throw transcoding();
        }
        UUID videoId = current.map(Row::id).orElseGet(UUID::randomUUID);
        Timestamp now = Timestamp.from(clock.instant());
        if (current.isEmpty()) {
            jdbc.sql("""
                    insert into content_videos (id, organization_id, content_id, episode_id, source_asset_id, state, created_at, updated_at)
                    values (?, ?, ?, ?, ?, 'processing', ?, ?)""")
                    .params(videoId, organization.value(), content.id(), episode == null ? null : episode.value(), source.value(), now, now)
                    .update();
        } else {
            jdbc.sql("update content_videos set source_asset_id = ?, state = 'processing', failure_reason = null, updated_at = ? where id = ?")
                    .params(source.value(), now, videoId).update();
        }
        Job job = jobs.submit(TranscodeJob.KIND, actor.value(), organization.value(), videoId,
                publishWhenReady ? Map.of(TranscodeJob.PUBLISH_WHEN_READY, true) : Map.of());
        jdbc.sql("update content_videos set job_id = ? where id = ?").params(job.id(), videoId).update();
        content.videoUploaded(clock.instant());
        repository.saveAndFlush(content);
        return videoId;
    }

    /** The content's own video, for its publisher. */
    public Optional<VideoView> video(UserId actor, OrganizationId organization, ContentId contentId, EpisodeId episode) {
        organizations.require(actor, organization, Permission.VIEW);
        Content content = contents.load(organization, contentId);
        requireTarget(content, episode);
        return find(content.id(), episode).flatMap(row -> view(row.id()));
    }

    /** The content's (or episode's) video, once the actor is checked for {@code permission} in the organization. */
    Optional<VideoId> videoOf(UserId actor, OrganizationId organization, ContentId contentId, EpisodeId episode, Permission permission) {
        organizations.require(actor, organization, permission);
        Content content = contents.load(organization, contentId);
        requireTarget(content, episode);
        return find(content.id(), episode).map(row -> VideoId.of(row.id()));
    }

    /**
     * Runs a failed transcoding again from the stored source (the page's retry button; the API's is
     * {@code POST /api/v1/jobs/{id}/retry}). Only a failed video retries: anything else is 409.
     */
    void retry(UserId actor, OrganizationId organization, ContentId contentId, EpisodeId episode) {
        VideoId video = videoOf(actor, organization, contentId, episode, Permission.EDIT_CONTENT)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No video was uploaded here yet."));
        Row row = row(video.value()).orElseThrow();
        transactions.executeWithoutResult(status -> {
            // Processing from now, so the page follows the job at once and a second click is 409, not a second job.
            int moved = jdbc.sql("update content_videos set state = 'processing', updated_at = ? where id = ? and state = 'failed' and job_id = ?")
                    .params(Timestamp.from(clock.instant()), video.value(), row.jobId()).update();
            if (moved == 0) {
                throw new ProblemException(WatchProblems.TRANSCODING, "Only a video whose transcoding failed can be retried.");
            }
            jobs.retry(actor.value(), row.jobId());
        });
    }

    /** Every video of a content, for the publisher's page (after its own check). */
    List<VideoView> videos(ContentId contentId) {
        return jdbc.sql("select id from content_videos where content_id = ?").param(contentId.value()).query(UUID.class).list().stream()
                .map(this::view).flatMap(Optional::stream).toList();
    }

    Optional<VideoView> view(UUID videoId) {
        List<Integer> heights = jdbc.sql("select height from content_renditions where video_id = ? order by height desc").param(videoId)
                .query(Integer.class).list();
        return jdbc.sql("select * from content_videos where id = ?").param(videoId).query((rs, n) -> new VideoView(VideoId.of(videoId),
                ContentId.of(rs.getObject("content_id", UUID.class)), episodeId(rs), rs.getString("state"), rs.getString("failure_reason"),
                rs.getObject("job_id", UUID.class), rs.getBigDecimal("duration_seconds"), (Integer) rs.getObject("width"),
                (Integer) rs.getObject("height"), heights, heights.isEmpty() ? null : masterUrl(VideoId.of(videoId)),
                rs.getObject("poster_asset_id") == null ? null : "/media/" + rs.getObject("poster_asset_id", UUID.class),
                rs.getTimestamp("updated_at").toInstant())).optional();
    }

    static String masterUrl(VideoId video) {
        return "/watch/videos/" + video.value() + "/master.m3u8";
    }

    /** The stored row of a video, as the transcoding job and the stream read it. */
    record Row(UUID id, UUID organizationId, UUID contentId, UUID episodeId, UUID sourceAssetId, UUID jobId, String state,
            UUID posterAssetId, UUID spriteAssetId) {
    }

    Optional<Row> row(UUID videoId) {
        return jdbc.sql("select * from content_videos where id = ?").param(videoId).query(Videos::row).optional();
    }

    private Optional<Row> find(UUID content, EpisodeId episode) {
        return episode == null
                ? jdbc.sql("select * from content_videos where content_id = ? and episode_id is null").param(content).query(Videos::row).optional()
                : jdbc.sql("select * from content_videos where content_id = ? and episode_id = ?").params(content, episode.value())
                        .query(Videos::row).optional();
    }

    private void requireTarget(Content content, EpisodeId episode) {
        if (episode == null && content.type().episodic()) {
            throw new ProblemException(WatchProblems.WRONG_TYPE, "A series' videos belong to its episodes: upload to an episode.");
        }
        if (episode != null) {
            if (!content.type().episodic()) {
                throw new ProblemException(WatchProblems.WRONG_TYPE, "Only a series has episodes.");
            }
            boolean ours = jdbc.sql("select exists (select 1 from content_episodes where id = ? and content_id = ?)")
                    .params(episode.value(), content.id()).query(Boolean.class).single();
            if (!ours) {
                throw new ProblemException(ProblemType.NOT_FOUND, "There is no such episode.");
            }
        }
    }

    /** Gives a file's storage back; a failure only leaves a file in the library, so it is logged, not thrown. */
    void discard(UserId actor, UUID asset) {
        try {
            assets.delete(actor, AssetId.of(asset));
        } catch (RuntimeException e) {
            log.warn("Could not delete watch asset {}: {}", asset, e.toString());
        }
    }

    private static ProblemException transcoding() {
        return new ProblemException(WatchProblems.TRANSCODING, "This video is being transcoded. Wait for it to finish, or cancel its job.");
    }

    private static EpisodeId episodeId(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("episode_id", UUID.class);
        return id == null ? null : EpisodeId.of(id);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getObject("content_id", UUID.class),
                rs.getObject("episode_id", UUID.class), rs.getObject("source_asset_id", UUID.class), rs.getObject("job_id", UUID.class),
                rs.getString("state"), rs.getObject("poster_asset_id", UUID.class), rs.getObject("sprite_asset_id", UUID.class));
    }

    static BigDecimal seconds(double value) {
        return BigDecimal.valueOf(Math.round(value * 1000), 3);
    }
}

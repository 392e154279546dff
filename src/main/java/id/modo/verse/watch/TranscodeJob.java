package id.modo.verse.watch;

import id.modo.verse.common.jobs.Job;
import id.modo.verse.common.jobs.JobCancelledException;
import id.modo.verse.common.jobs.JobContext;
import id.modo.verse.common.jobs.JobHandler;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.AssetId;
import id.modo.verse.media.AssetView;
import id.modo.verse.media.AssetVisibility;
import id.modo.verse.media.Assets;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transcodes an uploaded video ({@code subject} = the video): copies the source out of the media library, probes it,
 * encodes each rung of the ladder, a poster and the seek previews' sprite, stores them in the media library, then in one transaction swaps the
 * video's renditions for the new ones and marks it ready. Any failure marks the video failed with the reason, removes
 * what this run stored and returns a content that has nothing playable to draft: nothing is left half-published.
 * Progress: 1 step to read the source, 1 per rung, 1 for the poster, 1 for the sprite.
 */
@Component
class TranscodeJob implements JobHandler {

    static final String KIND = "watch-transcode";
    static final String RENDITION_CATEGORY = "watch-rendition";
    static final String POSTER_CATEGORY = "watch-poster";
    static final String SPRITE_CATEGORY = "watch-sprite";
    /** Input flag: publish the content once the video is ready (the demo's titles, which nobody is there to publish). */
    static final String PUBLISH_WHEN_READY = "publish_when_ready";

    private final Videos videos;
    private final Transcoder transcoder;
    private final Assets assets;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TranscodeJob(Videos videos, Transcoder transcoder, Assets assets, Organizations organizations, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.videos = videos;
        this.transcoder = transcoder;
        this.assets = assets;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> run(JobContext context) throws Exception {
        Job job = context.job();
        Videos.Row video = videos.row(job.subject()).orElseThrow(() -> new IllegalStateException("The video was deleted."));
        if (!job.id().equals(video.jobId())) {
            throw new IllegalStateException("A newer upload replaced this video.");
        }
        UserId actor = UserId.of(job.createdBy());
        OrganizationId organization = OrganizationId.of(video.organizationId());
        List<UUID> stored = new ArrayList<>();
        Path folder = Files.createTempDirectory("modo-watch-");
        try {
            restart(video);
            context.progress(0, 1, "Reading the source");
            Path source = folder.resolve("source");
            try (InputStream in = assets.open(organization, AssetId.of(video.sourceAssetId()), 0, -1)
                    .orElseThrow(() -> new Transcoder.SourceRefused("The uploaded file is gone; upload it again."))) {
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            Transcoder.Probe probe = transcoder.probe(source);
            List<HlsLadder.Rung> ladder = HlsLadder.ladder(probe.width(), probe.height(), probe.fps());
            long total = ladder.size() + 3L;
            List<Stored> renditions = new ArrayList<>();
            for (int i = 0; i < ladder.size(); i++) {
                HlsLadder.Rung rung = ladder.get(i);
                context.progress(1 + i, total, "Transcoding " + rung.height() + "p");
                Transcoder.Rendition rendition = transcoder.encode(source, probe, rung, folder);
                AssetView asset;
                try (InputStream in = Files.newInputStream(rendition.segments())) {
                    asset = assets.upload(actor, organization, null, RENDITION_CATEGORY, rung.height() + "p.mp4", in);
                }
                stored.add(asset.id().value());
                renditions.add(new Stored(rendition, asset.id().value()));
            }
            context.progress(total - 2, total, "Making the poster");
            AssetView poster;
            try (InputStream in = Files.newInputStream(transcoder.poster(source, probe, folder))) {
                poster = assets.upload(actor, organization, null, POSTER_CATEGORY, "poster.jpg", in, AssetVisibility.PUBLIC);
            }
            stored.add(poster.id().value());
            context.progress(total - 1, total, "Making the seek previews");
            Transcoder.Sprite sprite = transcoder.sprite(source, probe, folder);
            AssetView spriteAsset;
            try (InputStream in = Files.newInputStream(sprite.image())) {
                spriteAsset = assets.upload(actor, organization, null, SPRITE_CATEGORY, "sprite.jpg", in);
            }
            stored.add(spriteAsset.id().value());
            List<UUID> replaced = publish(job, video, probe, renditions, poster.id().value(), new StoredSprite(spriteAsset.id().value(), sprite.map()),
                    Boolean.TRUE.equals(job.input().get(PUBLISH_WHEN_READY)));
            replaced.forEach(old -> videos.discard(actor, old));
            context.progress(total, total, "Ready");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("video_id", video.id().toString());
            result.put("renditions", ladder.stream().map(HlsLadder.Rung::height).toList());
            result.put("duration_seconds", probe.durationSeconds());
            return result;
        } catch (JobCancelledException e) {
            fail(video, actor, stored, "Transcoding was cancelled.");
            throw e;
        } catch (Transcoder.SourceRefused e) {
            fail(video, actor, stored, e.getMessage());
            throw e;
        } catch (Exception | LinkageError e) {
            fail(video, actor, stored, "Transcoding failed: " + e.getMessage());
            throw e;
        } finally {
            deleteFolder(folder);
        }
    }

    private record Stored(Transcoder.Rendition rendition, UUID asset) {
    }

    private record StoredSprite(UUID asset, String map) {
    }

    /** A retried job starts over: the video is processing again, and a content that went back to draft is processing too. */
    private void restart(Videos.Row video) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update content_videos set state = 'processing', failure_reason = null, updated_at = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), video.id()).update();
            jdbc.sql("update contents set status = 'processing', updated_at = ?, version = version + 1 where id = ? and status = 'draft'")
                    .params(Timestamp.from(clock.instant()), video.contentId()).update();
        });
    }

    /** Swaps in the new renditions and points the content (or episode) at the stream; returns the assets they replace. */
    private List<UUID> publish(Job job, Videos.Row video, Transcoder.Probe probe, List<Stored> renditions, UUID poster, StoredSprite sprite,
            boolean andPublish) {
        return transactions.execute(status -> {
            jdbc.sql("select id from content_videos where id = ? for update").param(video.id()).query(UUID.class).optional()
                    .orElseThrow(() -> new IllegalStateException("The video was deleted."));
            Videos.Row current = videos.row(video.id()).orElseThrow();
            if (!job.id().equals(current.jobId())) {
                throw new IllegalStateException("A newer upload replaced this video.");
            }
            List<UUID> replaced = new ArrayList<>(jdbc.sql("select asset_id from content_renditions where video_id = ?").param(video.id())
                    .query(UUID.class).list());
            if (current.posterAssetId() != null) {
                replaced.add(current.posterAssetId());
            }
            if (current.spriteAssetId() != null) {
                replaced.add(current.spriteAssetId());
            }
            jdbc.sql("delete from content_renditions where video_id = ?").param(video.id()).update();
            boolean audio = probe.hasAudio();
            for (Stored stored : renditions) {
                HlsLadder.Rung rung = stored.rendition().rung();
                jdbc.sql("""
                        insert into content_renditions (video_id, height, width, bandwidth, codecs, asset_id, playlist)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(video.id(), rung.height(), rung.width(), rung.bandwidth(audio), stored.rendition().codecs(), stored.asset(),
                                stored.rendition().playlist())
                        .update();
            }
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("""
                    update content_videos set state = 'ready', failure_reason = null, duration_seconds = ?, width = ?, height = ?,
                           poster_asset_id = ?, sprite_asset_id = ?, thumbnails_vtt = ?, updated_at = ? where id = ?""")
                    .params(Videos.seconds(probe.durationSeconds()), probe.width(), probe.height(), poster, sprite.asset(), sprite.map(), now,
                            video.id()).update();
            String master = Videos.masterUrl(VideoId.of(video.id()));
            String posterUrl = "/media/" + poster;
            int minutes = (int) Math.max(1, Math.round(probe.durationSeconds() / 60));
            if (video.episodeId() == null) {
                jdbc.sql("""
                        update contents set hls_url = ?, poster_url = coalesce(poster_url, ?), thumbnail_url = ?,
                               duration_minutes = coalesce(duration_minutes, ?), updated_at = ?, version = version + 1 where id = ?""")
                        .params(master, posterUrl, posterUrl, minutes, now, video.contentId()).update();
            } else {
                jdbc.sql("""
                        update content_episodes set hls_url = ?, thumbnail_url = ?, duration_minutes = coalesce(duration_minutes, ?)
                        where id = ?""")
                        .params(master, posterUrl, minutes, video.episodeId()).update();
                jdbc.sql("update contents set poster_url = coalesce(poster_url, ?), updated_at = ?, version = version + 1 where id = ?")
                        .params(posterUrl, now, video.contentId()).update();
            }
            if (andPublish) {
                jdbc.sql("""
                        update contents set status = 'published', published_at = coalesce(published_at, ?), version = version + 1
                        where id = ? and status = 'processing'""").params(now, video.contentId()).update();
            }
            return replaced;
        });
    }

    private void fail(Videos.Row video, UserId actor, List<UUID> stored, String reason) {
        stored.forEach(asset -> videos.discard(actor, asset));
        transactions.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("update content_videos set state = 'failed', failure_reason = ?, updated_at = ? where id = ?")
                    .params(reason, now, video.id()).update();
            // A content whose videos have nothing to play is not on its way to publishing any more.
            jdbc.sql("""
                    update contents set status = 'draft', updated_at = ?, version = version + 1
                    where id = ? and status = 'processing'
                      and not exists (select 1 from content_videos v join content_renditions r on r.video_id = v.id where v.content_id = ?)""")
                    .params(now, video.contentId(), video.contentId()).update();
        });
    }

    /** The organization's members may follow its transcoding, as they see its contents. */
    @Override
    public boolean visibleTo(UUID user, Job job) {
        return job.organizationId() != null && organizations.membership(UserId.of(user), OrganizationId.of(job.organizationId())).isPresent();
    }

    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the system cleans it eventually
        }
    }
}

package id.modo.verse.watch;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Resumable video uploads by the tus 1.0 core protocol (with its creation extension): a client declares the length,
 * then appends the bytes in as many PATCH requests as it likes, each at the offset the server holds; after a dropped
 * connection it asks that offset (HEAD) and goes on from there. The bytes go straight to a file under the data
 * directory, never into memory; what arrived before a connection dropped is kept and counted. The last byte hands the
 * file to {@link Videos#upload} (the media library, then the transcoding job) and deletes it. An upload nobody finished
 * is removed a day after it was last written to.
 */
@Service
class ResumableUploads {

    private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);
    static final Duration KEPT = Duration.ofDays(1);
    /** One writer at a time: a PATCH holds the upload this long at most, so a node that died mid-write frees it. */
    private static final Duration LEASE = Duration.ofMinutes(15);

    private final Videos videos;
    private final Organizations organizations;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path folder;
    private final long maxSize;

    ResumableUploads(Videos videos, Organizations organizations, JdbcClient jdbc, Clock clock, ModoProperties modo,
            @Value("${modo.media.max-upload-size}") DataSize maxSize) {
        this.videos = videos;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.clock = clock;
        this.folder = modo.dataDir().resolve("watch").resolve("uploads");
        this.maxSize = maxSize.toBytes();
    }

    /** Where an upload stands: its offset, its length and, once complete, the video it became. */
    record State(UUID id, long offset, long length, UUID videoId) {
    }

    /** Opens an upload of {@code length} bytes for a content's (or episode's) video; 413 over the upload limit. */
    State create(UserId actor, OrganizationId organization, ContentId content, EpisodeId episode, long length, String fileName) {
        videos.requireUploadable(actor, organization, content, episode);
        if (length <= 0) {
            throw new ProblemException(ProblemType.VALIDATION, "Upload-Length must be a positive number of bytes.");
        }
        if (length > maxSize) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The file is larger than the upload limit of " + maxSize + " bytes.");
        }
        purgeExpired();
        UUID id = UUID.randomUUID();
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(file(id));
            Files.createFile(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an upload in " + folder, e);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into watch_video_uploads (id, organization_id, content_id, episode_id, created_by, file_name, upload_length,
                                                 upload_offset, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(id, organization.value(), content.value(), episode == null ? null : episode.value(), actor.value(),
                        fileName, length, now, now)
                .update();
        return new State(id, 0, length, null);
    }

    /** The upload's state for a member who may edit the organization's content; another's upload is 404. */
    State state(UserId actor, OrganizationId organization, UUID upload) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        return find(organization, upload).map(Row::state).orElseThrow(ResumableUploads::notFound);
    }

    /**
     * Appends the body at {@code offset}, which must be where the upload stands (else 409 {@code upload-offset-mismatch},
     * the client asks with HEAD). Bytes that arrived before the connection dropped are kept. Past the declared length is 400.
     */
    State append(UserId actor, OrganizationId organization, UUID upload, long offset, InputStream body) {
        organizations.require(actor, organization, Permission.EDIT_CONTENT);
        Row row = find(organization, upload).orElseThrow(ResumableUploads::notFound);
        if (row.videoId() != null) {
            throw new ProblemException(WatchProblems.UPLOAD_OFFSET, "This upload is complete.", java.util.Map.of("offset", row.offset()));
        }
        Instant now = clock.instant();
        int leased = jdbc.sql("""
                update watch_video_uploads set lease_until = ? where id = ? and upload_offset = ? and (lease_until is null or lease_until < ?)""")
                .params(Timestamp.from(now.plus(LEASE)), upload, offset, Timestamp.from(now)).update();
        if (leased == 0) {
            long current = find(organization, upload).map(Row::offset).orElse(row.offset());
            throw new ProblemException(WatchProblems.UPLOAD_OFFSET, current == offset
                    ? "Another request is writing this upload; ask for its offset (HEAD) in a moment."
                    : "This upload stands at byte " + current + ", not " + offset + ": send from there.", java.util.Map.of("offset", current));
        }
        long written = 0;
        boolean tooLong = false;
        boolean dropped = false;
        try (FileChannel out = FileChannel.open(file(upload), StandardOpenOption.WRITE)) {
            // Bytes past the recorded offset are from a write that died before it was counted.
            out.truncate(offset);
            out.position(offset);
            byte[] buffer = new byte[64 * 1024];
            long room = row.length() - offset;
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    // The connection dropped: what arrived is kept and counted, and the client resumes from it.
                    log.info("Upload {} stopped after {} bytes: {}", upload, written, e.toString());
                    dropped = true;
                    break;
                }
                if (n < 0) {
                    break;
                }
                if (written + n > room) {
                    tooLong = true;
                    break;
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                written += n;
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write upload " + upload, e);
        } finally {
            jdbc.sql("update watch_video_uploads set upload_offset = ?, lease_until = null, updated_at = ? where id = ?")
                    .params(offset + (tooLong ? 0 : written), Timestamp.from(clock.instant()), upload).update();
        }
        if (tooLong) {
            throw new ProblemException(ProblemType.VALIDATION, "The body goes past the upload's declared length of " + row.length() + " bytes.");
        }
        long reached = offset + written;
        if (dropped || reached < row.length()) {
            return new State(upload, reached, row.length(), null);
        }
        return complete(actor, organization, row);
    }

    private State complete(UserId actor, OrganizationId organization, Row row) {
        VideoView video;
        try (InputStream in = Files.newInputStream(file(row.id()))) {
            video = videos.upload(actor, organization, ContentId.of(row.contentId()), row.episodeId() == null ? null : EpisodeId.of(row.episodeId()),
                    row.fileName(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read a finished upload", e);
        }
        jdbc.sql("update watch_video_uploads set video_id = ?, updated_at = ? where id = ?")
                .params(video.id().value(), Timestamp.from(clock.instant()), row.id()).update();
        deleteFile(row.id());
        return new State(row.id(), row.length(), row.length(), video.id().value());
    }

    /** Uploads left unfinished (and finished ones' rows) a day after their last write. */
    private void purgeExpired() {
        List<UUID> expired = jdbc.sql("select id from watch_video_uploads where updated_at < ? limit 100")
                .param(Timestamp.from(clock.instant().minus(KEPT))).query(UUID.class).list();
        for (UUID id : expired) {
            deleteFile(id);
            jdbc.sql("delete from watch_video_uploads where id = ?").param(id).update();
        }
    }

    private record Row(UUID id, UUID contentId, UUID episodeId, String fileName, long length, long offset, UUID videoId) {
        State state() {
            return new State(id, offset, length, videoId);
        }
    }

    private Optional<Row> find(OrganizationId organization, UUID upload) {
        return jdbc.sql("select * from watch_video_uploads where id = ? and organization_id = ?").params(upload, organization.value())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("content_id", UUID.class),
                        rs.getObject("episode_id", UUID.class), rs.getString("file_name"), rs.getLong("upload_length"),
                        rs.getLong("upload_offset"), rs.getObject("video_id", UUID.class)))
                .optional();
    }

    private Path file(UUID upload) {
        return folder.resolve(upload + ".part");
    }

    private void deleteFile(UUID upload) {
        try {
            Files.deleteIfExists(file(upload));
        } catch (IOException e) {
            log.warn("Could not delete the upload file {}: {}", upload, e.toString());
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such upload.");
    }
}

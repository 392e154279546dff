package id.modo.verse.watch;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A video's subtitle tracks: one per language, uploaded as SRT or WebVTT and kept as WebVTT ({@link SubtitleFiles}); the
 * stream lists them in the master playlist. Managing them is the publisher's ({@code edit_content}); reading the list, any member's.
 */
@Service
class Subtitles {

    static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern LANGUAGE = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$");

    private final Videos videos;
    private final JdbcClient jdbc;
    private final Clock clock;

    Subtitles(Videos videos, JdbcClient jdbc, Clock clock) {
        this.videos = videos;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Track(UUID id, String language, String label, int cueCount, Instant createdAt) {
    }

    /** Adds a track, or replaces the one in the same language. 400 with a reason for a bad file, 404 before a video is uploaded. */
    Track upload(UserId actor, OrganizationId organization, ContentId content, EpisodeId episode, String language, String label,
            InputStream file) {
        VideoId video = videoOf(actor, organization, content, episode, Permission.EDIT_CONTENT);
        String lang = language == null ? "" : language.strip();
        String name = label == null ? "" : label.strip();
        List<FieldError> errors = new ArrayList<>();
        if (!LANGUAGE.matcher(lang).matches()) {
            errors.add(new FieldError("language", "must be a language tag such as id, en or pt-BR"));
        }
        if (name.isEmpty() || name.length() > 60 || name.chars().anyMatch(c -> c == '"' || Character.isISOControl(c))) {
            errors.add(new FieldError("label", "must be 1 to 60 characters, without quotes"));
        }
        if (file == null) {
            errors.add(new FieldError("file", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        SubtitleFiles.Converted converted;
        try {
            converted = SubtitleFiles.toWebVtt(text(file));
        } catch (SubtitleFiles.Unreadable e) {
            throw new ProblemException(WatchProblems.SUBTITLE_UNREADABLE, e.getMessage());
        }
        Timestamp now = Timestamp.from(clock.instant());
        UUID id = jdbc.sql("""
                insert into content_subtitles (organization_id, video_id, language, label, vtt, cue_count, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (video_id, language) do update set label = excluded.label, vtt = excluded.vtt, cue_count = excluded.cue_count,
                       created_by = excluded.created_by, created_at = excluded.created_at
                returning id""")
                .params(organization.value(), video.value(), lang, name, converted.vtt(), converted.cues(), actor.value(), now)
                .query(UUID.class).single();
        return new Track(id, lang, name, converted.cues(), now.toInstant());
    }

    List<Track> list(UserId actor, OrganizationId organization, ContentId content, EpisodeId episode) {
        return tracks(videoOf(actor, organization, content, episode, Permission.VIEW));
    }

    void delete(UserId actor, OrganizationId organization, ContentId content, EpisodeId episode, UUID subtitle) {
        VideoId video = videoOf(actor, organization, content, episode, Permission.EDIT_CONTENT);
        if (jdbc.sql("delete from content_subtitles where id = ? and video_id = ?").params(subtitle, video.value()).update() == 0) {
            throw notFound();
        }
    }

    /** The video's tracks in language order, as the stream lists them. */
    List<Track> tracks(VideoId video) {
        return jdbc.sql("select id, language, label, cue_count, created_at from content_subtitles where video_id = ? order by language")
                .param(video.value())
                .query((rs, n) -> new Track(rs.getObject("id", UUID.class), rs.getString("language"), rs.getString("label"),
                        rs.getInt("cue_count"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    Optional<String> vtt(VideoId video, UUID subtitle) {
        return jdbc.sql("select vtt from content_subtitles where id = ? and video_id = ?").params(subtitle, video.value()).query(String.class)
                .optional();
    }

    private VideoId videoOf(UserId actor, OrganizationId organization, ContentId content, EpisodeId episode, Permission permission) {
        return videos.videoOf(actor, organization, content, episode, permission).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "No video was uploaded here yet: upload the video before its subtitles."));
    }

    /** The file as UTF-8 text, held to {@link #MAX_BYTES}: subtitles are small, so this one is read whole. */
    private static String text(InputStream file) {
        try {
            byte[] bytes = file.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(WatchProblems.SUBTITLE_UNREADABLE, "A subtitle file is at most 1 MB.");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(WatchProblems.SUBTITLE_UNREADABLE, "The file is not UTF-8 text; save it as UTF-8 and upload it again.");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a subtitle upload", e);
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such subtitle track.");
    }
}

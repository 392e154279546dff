package id.modo.verse.watch;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.media.AssetId;
import id.modo.verse.media.Assets;
import id.modo.verse.organization.OrganizationId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves a video's HLS playlists and segments to the signed-in viewers {@link ViewerAccess} lets play it: every request,
 * the master playlist, each media playlist and each segment range, checks the viewer, so a link passed on to someone
 * without the plan plays nothing. The master playlist hands out short-lived links bound to the viewer ({@link StreamLinks})
 * to the media playlists, which pass the same link on to their segments; a part fetched without one, with another
 * viewer's or after its expiry is 403. The segments are one fragmented MP4 file per rendition in the media library, read with ranges.
 */
@Controller
class VideoStreamController {

    static final String MPEGURL = "application/vnd.apple.mpegurl";
    static final String WEBVTT = "text/vtt;charset=UTF-8";
    private static final String SUBTITLES_GROUP = "subs";
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    private final JdbcClient jdbc;
    private final ViewerAccess access;
    private final Assets assets;
    private final StreamLinks links;
    private final Subtitles subtitles;
    private final Clock clock;

    VideoStreamController(JdbcClient jdbc, ViewerAccess access, Assets assets, StreamLinks links, Subtitles subtitles, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.assets = assets;
        this.links = links;
        this.subtitles = subtitles;
        this.clock = clock;
    }

    private record Stream(UUID organization, ContentStatus status, ContentVisibility visibility, double durationSeconds) {
    }

    private record Rendition(int height, int width, int bandwidth, String codecs, UUID asset, String playlist) {
    }

    @GetMapping("/watch/videos/{videoId}/master.m3u8")
    void master(@AuthenticationPrincipal CurrentUser viewer, @PathVariable VideoId videoId, HttpServletResponse response) throws IOException {
        Stream stream = check(viewer, videoId);
        List<Rendition> renditions = renditions(videoId);
        if (renditions.isEmpty()) {
            throw notFound();
        }
        String signed = "?" + links.query(videoId, viewer.id(), stream.durationSeconds());
        StringBuilder master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        List<Subtitles.Track> tracks = subtitles.tracks(videoId);
        for (Subtitles.Track t : tracks) {
            master.append("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"").append(SUBTITLES_GROUP).append("\",NAME=\"").append(t.label())
                    .append("\",LANGUAGE=\"").append(t.language()).append("\",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=\"subtitles/")
                    .append(t.id()).append(".m3u8").append(signed).append("\"\n");
        }
        for (Rendition r : renditions) {
            master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(r.bandwidth()).append(",RESOLUTION=").append(r.width()).append('x')
                    .append(r.height()).append(",CODECS=\"").append(r.codecs()).append('"')
                    .append(tracks.isEmpty() ? "" : ",SUBTITLES=\"" + SUBTITLES_GROUP + "\"").append('\n')
                    .append(r.height()).append(".m3u8").append(signed).append('\n');
        }
        text(response, master.toString());
    }

    @GetMapping("/watch/videos/{videoId}/{height:\\d{1,4}}.m3u8")
    void media(@AuthenticationPrincipal CurrentUser viewer, @PathVariable VideoId videoId, @PathVariable int height,
            @RequestParam(name = StreamLinks.EXPIRES, required = false) String expires,
            @RequestParam(name = StreamLinks.SIGNATURE, required = false) String signature, HttpServletResponse response) throws IOException {
        checkSigned(viewer, videoId, expires, signature);
        Rendition rendition = rendition(videoId, height);
        // ffmpeg names the segment file by its work folder; the viewer fetches it from this controller, with the same link.
        String file = height + ".mp4?" + StreamLinks.EXPIRES + "=" + expires + "&" + StreamLinks.SIGNATURE + "=" + signature;
        String playlist = rendition.playlist().lines()
                .map(line -> line.startsWith("#EXT-X-MAP:") ? line.replaceFirst("URI=\"[^\"]*\"", "URI=\"" + file + "\"")
                        : !line.isBlank() && !line.startsWith("#") ? file : line)
                .reduce(new StringBuilder(), (b, line) -> b.append(line).append('\n'), StringBuilder::append).toString();
        text(response, playlist);
    }

    @GetMapping("/watch/videos/{videoId}/{height:\\d{1,4}}.mp4")
    void segments(@AuthenticationPrincipal CurrentUser viewer, @PathVariable VideoId videoId, @PathVariable int height,
            @RequestParam(name = StreamLinks.EXPIRES, required = false) String expires,
            @RequestParam(name = StreamLinks.SIGNATURE, required = false) String signature,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) String range, HttpServletResponse response) throws IOException {
        Stream stream = checkSigned(viewer, videoId, expires, signature);
        serve(stream, rendition(videoId, height).asset(), "video/mp4", range, expires, response);
    }

    /** A subtitle track as HLS wants it: a playlist of one WebVTT file as long as the video. */
    @GetMapping("/watch/videos/{videoId}/subtitles/{subtitleId}.m3u8")
    void subtitlePlaylist(@AuthenticationPrincipal CurrentUser viewer, @PathVariable VideoId videoId, @PathVariable UUID subtitleId,
            @RequestParam(name = StreamLinks.EXPIRES, required = false) String expires,
            @RequestParam(name = StreamLinks.SIGNATURE, required = false) String signature, HttpServletResponse response) throws IOException {
        Stream stream = checkSigned(viewer, videoId, expires, signature);
        subtitles.vtt(videoId, subtitleId).orElseThrow(VideoStreamController::notFound);
        String duration = String.format(Locale.ROOT, "%.3f", stream.durationSeconds());
        text(response, "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" + (long) Math.ceil(stream.durationSeconds())
                + "\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:" + duration + ",\n" + subtitleId + ".vtt?"
                + StreamLinks.EXPIRES + "=" + expires + "&" + StreamLinks.SIGNATURE + "=" + signature + "\n#EXT-X-ENDLIST\n");
    }

    @GetMapping("/watch/videos/{videoId}/subtitles/{subtitleId}.vtt")
    void subtitle(@AuthenticationPrincipal CurrentUser viewer, @PathVariable VideoId videoId, @PathVariable UUID subtitleId,
            @RequestParam(name = StreamLinks.EXPIRES, required = false) String expires,
            @RequestParam(name = StreamLinks.SIGNATURE, required = false) String signature, HttpServletResponse response) throws IOException {
        checkSigned(viewer, videoId, expires, signature);
        text(response, WEBVTT, subtitles.vtt(videoId, subtitleId).orElseThrow(VideoStreamController::notFound));
    }

    /** The seek previews' map: the cues point at the sprite through a link for this viewer. */
    @GetMapping("/watch/videos/{videoId}/thumbnails.vtt")
    void thumbnails(@AuthenticationPrincipal CurrentUser viewer, @PathVariable VideoId videoId, HttpServletResponse response) throws IOException {
        Stream stream = check(viewer, videoId);
        String map = jdbc.sql("select thumbnails_vtt from content_videos where id = ? and thumbnails_vtt is not null")
                .param(videoId.value()).query(String.class).optional().orElseThrow(VideoStreamController::notFound);
        String signed = "sprite.jpg?" + links.query(videoId, viewer.id(), stream.durationSeconds()) + "#";
        text(response, WEBVTT, map.replace("sprite.jpg#", signed));
    }

    @GetMapping("/watch/videos/{videoId}/sprite.jpg")
    void sprite(@AuthenticationPrincipal CurrentUser viewer, @PathVariable VideoId videoId,
            @RequestParam(name = StreamLinks.EXPIRES, required = false) String expires,
            @RequestParam(name = StreamLinks.SIGNATURE, required = false) String signature, HttpServletResponse response) throws IOException {
        Stream stream = checkSigned(viewer, videoId, expires, signature);
        UUID sprite = jdbc.sql("select sprite_asset_id from content_videos where id = ? and sprite_asset_id is not null")
                .param(videoId.value()).query(UUID.class).optional().orElseThrow(VideoStreamController::notFound);
        serve(stream, sprite, "image/jpeg", null, expires, response);
    }

    /** A stored file, whole or the asked range, cached by the browser while its link lasts (what a link points at never changes). */
    private void serve(Stream stream, UUID asset, String contentType, String range, String expires, HttpServletResponse response)
            throws IOException {
        OrganizationId organization = OrganizationId.of(stream.organization());
        long size = assets.find(organization, AssetId.of(asset)).orElseThrow(VideoStreamController::notFound).sizeBytes();
        long start = 0;
        long end = size - 1;
        if (range != null) {
            Matcher m = RANGE.matcher(range.strip());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                unsatisfiable(response, size);
                return;
            }
            if (m.group(1).isEmpty()) {
                start = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (start > end || start >= size) {
                unsatisfiable(response, size);
                return;
            }
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
        }
        long length = end - start + 1;
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        long remaining = Math.max(0, Math.min(86_400, Long.parseLong(expires) - clock.instant().getEpochSecond()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + remaining + ", immutable");
        response.setContentLengthLong(length);
        try (InputStream in = assets.open(organization, AssetId.of(asset), start, length).orElseThrow(VideoStreamController::notFound);
                OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** As {@link #check}, and the part's link must be this viewer's and unexpired. */
    private Stream checkSigned(CurrentUser viewer, VideoId videoId, String expires, String signature) {
        Stream stream = check(viewer, videoId);
        links.require(videoId, viewer.id(), expires, signature);
        return stream;
    }

    private Stream check(CurrentUser viewer, VideoId videoId) {
        if (viewer == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Sign in to watch.");
        }
        Stream stream = jdbc.sql("""
                select c.organization_id, c.status, c.visibility, v.duration_seconds
                from content_videos v join contents c on c.id = v.content_id
                where v.id = ?""")
                .param(videoId.value())
                .query((rs, n) -> new Stream(rs.getObject("organization_id", UUID.class),
                        ContentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                        ContentVisibility.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT)),
                        rs.getDouble("duration_seconds")))
                .optional().orElseThrow(VideoStreamController::notFound);
        access.requirePlayable(viewer.id(), stream.organization(), stream.status(), stream.visibility());
        return stream;
    }

    private List<Rendition> renditions(VideoId videoId) {
        return jdbc.sql("select * from content_renditions where video_id = ? order by height desc").param(videoId.value())
                .query((rs, n) -> new Rendition(rs.getInt("height"), rs.getInt("width"), rs.getInt("bandwidth"), rs.getString("codecs"),
                        rs.getObject("asset_id", UUID.class), rs.getString("playlist")))
                .list();
    }

    private Rendition rendition(VideoId videoId, int height) {
        return renditions(videoId).stream().filter(r -> r.height() == height).findFirst().orElseThrow(VideoStreamController::notFound);
    }

    private static void text(HttpServletResponse response, String body) throws IOException {
        text(response, MPEGURL, body);
    }

    private static void text(HttpServletResponse response, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void unsatisfiable(HttpServletResponse response, long size) {
        response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
        response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such video.");
    }
}

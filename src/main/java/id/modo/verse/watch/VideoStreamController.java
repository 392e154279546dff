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

/**
 * Serves a video's HLS playlists and segments to the signed-in viewers {@link ViewerAccess} lets play it: every request,
 * the master playlist, each media playlist and each segment range, checks the viewer, so a link passed on to someone
 * without the plan plays nothing. The segments are one fragmented MP4 file per rendition in the media library, read with ranges.
 */
@Controller
class VideoStreamController {

    static final String MPEGURL = "application/vnd.apple.mpegurl";
    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    private final JdbcClient jdbc;
    private final ViewerAccess access;
    private final Assets assets;

    VideoStreamController(JdbcClient jdbc, ViewerAccess access, Assets assets) {
        this.jdbc = jdbc;
        this.access = access;
        this.assets = assets;
    }

    private record Stream(UUID organization, ContentStatus status, ContentVisibility visibility) {
    }

    private record Rendition(int height, int width, int bandwidth, String codecs, UUID asset, String playlist) {
    }

    @GetMapping("/watch/videos/{videoId}/master.m3u8")
    void master(@AuthenticationPrincipal CurrentUser viewer, @PathVariable VideoId videoId, HttpServletResponse response) throws IOException {
        check(viewer, videoId);
        List<Rendition> renditions = renditions(videoId);
        if (renditions.isEmpty()) {
            throw notFound();
        }
        StringBuilder master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (Rendition r : renditions) {
            master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(r.bandwidth()).append(",RESOLUTION=").append(r.width()).append('x')
                    .append(r.height()).append(",CODECS=\"").append(r.codecs()).append("\"\n").append(r.height()).append(".m3u8\n");
        }
        text(response, master.toString());
    }

    @GetMapping("/watch/videos/{videoId}/{height:\\d{1,4}}.m3u8")
    void media(@AuthenticationPrincipal CurrentUser viewer, @PathVariable VideoId videoId, @PathVariable int height,
            HttpServletResponse response) throws IOException {
        check(viewer, videoId);
        Rendition rendition = rendition(videoId, height);
        // ffmpeg names the segment file by its work folder; the viewer fetches it from this controller.
        String file = height + ".mp4";
        String playlist = rendition.playlist().lines()
                .map(line -> line.startsWith("#EXT-X-MAP:") ? line.replaceFirst("URI=\"[^\"]*\"", "URI=\"" + file + "\"")
                        : !line.isBlank() && !line.startsWith("#") ? file : line)
                .reduce(new StringBuilder(), (b, line) -> b.append(line).append('\n'), StringBuilder::append).toString();
        text(response, playlist);
    }

    @GetMapping("/watch/videos/{videoId}/{height:\\d{1,4}}.mp4")
    void segments(@AuthenticationPrincipal CurrentUser viewer, @PathVariable VideoId videoId, @PathVariable int height,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) String range, HttpServletResponse response) throws IOException {
        Stream stream = check(viewer, videoId);
        Rendition rendition = rendition(videoId, height);
        OrganizationId organization = OrganizationId.of(stream.organization());
        long size = assets.find(organization, AssetId.of(rendition.asset())).orElseThrow(VideoStreamController::notFound).sizeBytes();
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
        response.setContentType("video/mp4");
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600");
        response.setContentLengthLong(length);
        try (InputStream in = assets.open(organization, AssetId.of(rendition.asset()), start, length).orElseThrow(VideoStreamController::notFound);
                OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private Stream check(CurrentUser viewer, VideoId videoId) {
        if (viewer == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Sign in to watch.");
        }
        Stream stream = jdbc.sql("""
                select c.organization_id, c.status, c.visibility from content_videos v join contents c on c.id = v.content_id
                where v.id = ?""")
                .param(videoId.value())
                .query((rs, n) -> new Stream(rs.getObject("organization_id", UUID.class),
                        ContentStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                        ContentVisibility.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT))))
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
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(MPEGURL);
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

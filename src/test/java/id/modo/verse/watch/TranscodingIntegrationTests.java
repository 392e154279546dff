package id.modo.verse.watch;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.RequiredFfmpeg;
import id.modo.verse.support.Users;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real pipeline on a generated 10 s 720p source: upload, the job, the HLS ladder read back (playlists parsed, each
 * rendition fetched through the stream and checked with ffprobe), publishing, and the plan check on the segment URL itself.
 * Bad uploads fail the job with a reason and leave nothing playable. Needs ffmpeg (skipped without, unless MODO_REQUIRE_FFMPEG=1).
 */
@IntegrationTest
class TranscodingIntegrationTests {

    private static final Pattern STREAM_INF = Pattern.compile("#EXT-X-STREAM-INF:BANDWIDTH=(\\d+),RESOLUTION=(\\d+)x(\\d+),CODECS=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper mapper;
    StudioFixtures fixtures;
    StudioFixtures.Studio studio;
    Http http;

    @BeforeEach
    void studio() {
        RequiredFfmpeg.installation();
        http = new Http(port);
        fixtures = new StudioFixtures(http, jdbc);
        studio = fixtures.studio("transcode");
    }

    @Test
    void aTenSecondSourceBecomesAnHlsLadderThatNeverUpscalesAndOnlyEntitledViewersPlay() throws Exception {
        String movie = create("Kancil Film", "movie");
        var uploaded = WatchTestVideos.upload(studio.asOwner(), contents() + "/" + movie + "/video", "kancil.mp4",
                WatchTestVideos.source(1280, 720, 10));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
        assertThat(json(uploaded).get("state").asString()).isEqualTo("processing");
        assertThat(content(movie).get("status").asString()).isEqualTo("processing");
        var again = WatchTestVideos.upload(studio.asOwner(), contents() + "/" + movie + "/video", "again.mp4", new byte[] {1, 2, 3});
        assertThat(again.statusCode()).isEqualTo(409);

        JsonNode video = awaitVideo(contents() + "/" + movie + "/video");
        assertThat(video.get("state").asString()).as(video.toString()).isEqualTo("ready");
        assertThat(video.get("renditions").toString()).isEqualTo("[720,480,360]");
        assertThat(video.get("duration_seconds").asDouble()).isBetween(9.5, 10.5);
        JsonNode content = content(movie);
        String master = content.get("hls_url").asString();
        assertThat(master).isEqualTo("/watch/videos/" + video.get("id").asString() + "/master.m3u8");
        assertThat(content.get("poster_url").asString()).startsWith("/media/");

        PageSession owner = PageSession.signIn(http, studio.owner());
        var masterPlaylist = get(owner.cookie(), master);
        assertThat(masterPlaylist.statusCode()).isEqualTo(200);
        assertThat(masterPlaylist.headers().firstValue("Content-Type").orElseThrow()).startsWith(VideoStreamController.MPEGURL);
        List<int[]> sizes = new ArrayList<>();
        Matcher m = STREAM_INF.matcher(new String(masterPlaylist.body()));
        while (m.find()) {
            sizes.add(new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
            assertThat(Integer.parseInt(m.group(1))).isGreaterThan(HlsLadder.AUDIO_BITRATE);
            assertThat(m.group(4)).matches("avc1\\.[0-9a-f]{6},mp4a\\.40\\.2");
        }
        assertThat(sizes).extracting(s -> s[0] + "x" + s[1]).containsExactly("1280x720", "852x480", "640x360");

        String base = master.substring(0, master.lastIndexOf('/') + 1);
        for (int[] size : sizes) {
            String playlist = new String(get(owner.cookie(), base + size[1] + ".m3u8").body());
            assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST", "#EXT-X-BYTERANGE",
                    "#EXT-X-MAP:URI=\"" + size[1] + ".mp4\"");
            int target = Integer.parseInt(playlist.replaceAll("(?s).*#EXT-X-TARGETDURATION:(\\d+).*", "$1"));
            assertThat(target).isBetween(4, 6);
            List<Double> durations = Arrays.stream(playlist.split("\n")).filter(l -> l.startsWith("#EXTINF:"))
                    .map(l -> Double.parseDouble(l.substring(8, l.indexOf(',')))).toList();
            assertThat(durations.stream().mapToDouble(Double::doubleValue).sum()).isBetween(9.5, 10.5);
            assertThat(durations.subList(0, durations.size() - 1)).allSatisfy(d -> assertThat(d).isBetween(3.9, 6.1));
            assertThat(playlist.lines().filter(l -> !l.startsWith("#") && !l.isBlank())).allMatch(l -> l.equals(size[1] + ".mp4"));

            var segments = get(owner.cookie(), base + size[1] + ".mp4");
            assertThat(segments.statusCode()).isEqualTo(200);
            Path file = Files.createTempFile("rendition-", ".mp4");
            Files.write(file, segments.body());
            var probe = RequiredFfmpeg.ffmpeg().ffprobe(List.of("-v", "error", "-show_entries", "stream=codec_name,width,height",
                    "-print_format", "json", file.toString()), Duration.ofMinutes(1)).orThrow("ffprobe");
            Files.delete(file);
            JsonNode streams = mapper.readTree(probe.stdout()).get("streams");
            assertThat(streams.toString()).contains("\"codec_name\":\"h264\"", "\"codec_name\":\"aac\"",
                    "\"width\":" + size[0], "\"height\":" + size[1]);
            // A range, as hls.js asks for one segment of a byte-range playlist.
            var range = send(owner.cookie(), base + size[1] + ".mp4", "bytes=4-7");
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(new String(range.body())).isEqualTo("ftyp");
        }

        assertThat(studio.asOwner().postJson(contents() + "/" + movie + "/status", "{\"status\":\"published\"}").statusCode()).isEqualTo(200);
        assertThat(studio.asOwner().call("PATCH", contents() + "/" + movie, "{\"visibility\":\"premium\"}").statusCode()).isEqualTo(200);

        // A fan on no paid plan sees the title but is refused at the playlist and at the segment URL itself.
        Users.Signed fan = new Users(http).signUpAndIn("fan");
        PageSession fanPage = PageSession.signIn(http, fan);
        assertThat(get(fanPage.cookie(), master).statusCode()).isEqualTo(403);
        assertThat(get(fanPage.cookie(), base + "360.mp4").statusCode()).isEqualTo(403);
        assertThat(get(null, base + "360.mp4").statusCode()).isIn(401, 302);
        assertThat(studio.asOwner().call("PATCH", contents() + "/" + movie, "{\"visibility\":\"free\"}").statusCode()).isEqualTo(200);
        assertThat(get(fanPage.cookie(), base + "360.mp4").statusCode()).isEqualTo(200);
        // Unpublished, it is nobody's but the publisher's.
        assertThat(studio.asOwner().postJson(contents() + "/" + movie + "/status", "{\"status\":\"archived\"}").statusCode()).isEqualTo(200);
        assertThat(get(fanPage.cookie(), master).statusCode()).isEqualTo(404);
        assertThat(get(owner.cookie(), master).statusCode()).isEqualTo(200);
    }

    @Test
    void badUploadsFailTheJobWithAReasonAndLeaveNothingHalfPublished() throws Exception {
        byte[] good = WatchTestVideos.source(320, 240, 3);
        String[][] cases = {
                {"notes.txt", "not a video"},
                {"cut.mp4", "truncated"},
        };
        for (String[] c : cases) {
            String movie = create("Bad " + c[1], "movie");
            byte[] body = c[1].equals("not a video") ? "Once upon a time, Kancil...\n".repeat(50).getBytes()
                    : Arrays.copyOf(good, good.length / 3);
            var uploaded = WatchTestVideos.upload(studio.asOwner(), contents() + "/" + movie + "/video", c[0], body);
            assertThat(uploaded.statusCode()).as(c[1] + ": " + uploaded.body()).isEqualTo(202);
            JsonNode video = awaitVideo(contents() + "/" + movie + "/video");
            assertThat(video.get("state").asString()).as(c[1]).isEqualTo("failed");
            assertThat(video.get("failure_reason").asString()).as(c[1]).isNotBlank();
            assertThat(video.get("renditions").size()).isZero();
            JsonNode content = content(movie);
            assertThat(content.get("status").asString()).as(c[1]).isEqualTo("draft");
            assertThat(content.get("hls_url").isNull()).isTrue();
            JsonNode job = json(studio.asOwner().call("GET", "/api/v1/jobs/" + video.get("job_id").asString(), null));
            assertThat(job.get("state").asString()).isEqualTo("failed");
            assertThat(job.get("error").asString()).isEqualTo(video.get("failure_reason").asString());
            assertThat(jdbc.sql("select count(*) from assets where organization_id = cast(? as uuid) and category in ('watch-rendition', 'watch-poster')")
                    .param(studio.organizationId()).query(Integer.class).single()).isZero();
        }
        String movie = create("Empty", "movie");
        var empty = WatchTestVideos.upload(studio.asOwner(), contents() + "/" + movie + "/video", "empty.mp4", new byte[0]);
        if (empty.statusCode() == 202) {
            JsonNode video = awaitVideo(contents() + "/" + movie + "/video");
            assertThat(video.get("state").asString()).isEqualTo("failed");
            assertThat(video.get("failure_reason").asString()).contains("empty");
        } else {
            // The media library refuses an empty file before any job: still a clear reason, and nothing started.
            assertThat(empty.statusCode()).as(empty.body()).isBetween(400, 499);
            assertThat(json(empty).get("detail").asString()).isNotBlank();
        }
        assertThat(content(movie).get("status").asString()).isEqualTo("draft");
    }

    private JsonNode awaitVideo(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        JsonNode video = json(studio.asOwner().call("GET", path, null));
        while (video.get("state").asString().equals("processing") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            video = json(studio.asOwner().call("GET", path, null));
        }
        return video;
    }

    private HttpResponse<byte[]> get(String cookie, String path) throws Exception {
        return send(cookie, path, null);
    }

    private HttpResponse<byte[]> send(String cookie, String path, String range) throws Exception {
        var request = http.request(path);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (range != null) {
            request.header("Range", range);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode content(String id) {
        return json(studio.asOwner().call("GET", contents() + "/" + id, null));
    }

    private String create(String title, String type) {
        var created = studio.asOwner().postJson(contents(), "{\"title\":\"" + title + "\",\"type\":\"" + type + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private String contents() {
        return "/api/v1/organizations/" + studio.organizationId() + "/contents";
    }
}

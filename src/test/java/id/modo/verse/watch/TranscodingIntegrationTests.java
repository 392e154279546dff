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
        List<String> mediaLinks = lines(masterPlaylist.body());
        assertThat(mediaLinks).hasSize(sizes.size());
        String segmentLink = null;
        for (int i = 0; i < sizes.size(); i++) {
            int[] size = sizes.get(i);
            // The master playlist hands out links to the media playlists signed for this viewer.
            assertThat(mediaLinks.get(i)).matches(size[1] + "\\.m3u8\\?expires=\\d+&signature=[A-Za-z0-9_-]{43}");
            String query = mediaLinks.get(i).substring(mediaLinks.get(i).indexOf('?'));
            var mediaPlaylist = get(owner.cookie(), base + mediaLinks.get(i));
            assertThat(mediaPlaylist.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
            String playlist = new String(mediaPlaylist.body());
            assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST", "#EXT-X-BYTERANGE",
                    "#EXT-X-MAP:URI=\"" + size[1] + ".mp4" + query + "\"");
            int target = Integer.parseInt(playlist.replaceAll("(?s).*#EXT-X-TARGETDURATION:(\\d+).*", "$1"));
            assertThat(target).isBetween(4, 6);
            List<Double> durations = Arrays.stream(playlist.split("\n")).filter(l -> l.startsWith("#EXTINF:"))
                    .map(l -> Double.parseDouble(l.substring(8, l.indexOf(',')))).toList();
            assertThat(durations.stream().mapToDouble(Double::doubleValue).sum()).isBetween(9.5, 10.5);
            assertThat(durations.subList(0, durations.size() - 1)).allSatisfy(d -> assertThat(d).isBetween(3.9, 6.1));
            assertThat(lines(mediaPlaylist.body())).allMatch(l -> l.equals(size[1] + ".mp4" + query));
            segmentLink = base + size[1] + ".mp4" + query;

            var segments = get(owner.cookie(), segmentLink);
            assertThat(segments.statusCode()).isEqualTo(200);
            assertThat(segments.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
            Path file = Files.createTempFile("rendition-", ".mp4");
            Files.write(file, segments.body());
            var probe = RequiredFfmpeg.ffmpeg().ffprobe(List.of("-v", "error", "-show_entries", "stream=codec_name,width,height",
                    "-print_format", "json", file.toString()), Duration.ofMinutes(1)).orThrow("ffprobe");
            Files.delete(file);
            JsonNode streams = mapper.readTree(probe.stdout()).get("streams");
            assertThat(streams.toString()).contains("\"codec_name\":\"h264\"", "\"codec_name\":\"aac\"",
                    "\"width\":" + size[0], "\"height\":" + size[1]);
            // A range, as hls.js asks for one segment of a byte-range playlist.
            var range = send(owner.cookie(), segmentLink, "bytes=4-7");
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(new String(range.body())).isEqualTo("ftyp");
        }
        // Seek previews: a 160 px frame every 2 s tiled into one JPEG, and the WebVTT map of it beside the playlist.
        var thumbnails = get(owner.cookie(), base + "thumbnails.vtt");
        assertThat(thumbnails.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/vtt");
        String map = new String(thumbnails.body());
        assertThat(map).startsWith("WEBVTT\n");
        assertThat(map).contains("00:00:00.000 --> 00:00:02.000\nsprite.jpg?expires=", "#xywh=0,0,160,90\n",
                "00:00:08.000 --> 00:00:10.0", "#xywh=640,0,160,90\n");
        List<String> tiles = lines(thumbnails.body()).stream().filter(l -> l.contains("#xywh=")).toList();
        assertThat(tiles).hasSize(5);
        String spriteLink = tiles.getFirst().substring(0, tiles.getFirst().indexOf('#'));
        var sprite = get(owner.cookie(), base + spriteLink);
        assertThat(sprite.statusCode()).isEqualTo(200);
        assertThat(sprite.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/jpeg");
        Path spriteFile = Files.createTempFile("sprite-", ".jpg");
        Files.write(spriteFile, sprite.body());
        var spriteProbe = RequiredFfmpeg.ffmpeg().ffprobe(List.of("-v", "error", "-show_entries", "stream=width,height",
                "-print_format", "json", spriteFile.toString()), Duration.ofMinutes(1)).orThrow("ffprobe");
        Files.delete(spriteFile);
        assertThat(mapper.readTree(spriteProbe.stdout()).get("streams").get(0).toString()).contains("\"width\":800", "\"height\":90");
        assertThat(get(owner.cookie(), base + "sprite.jpg").statusCode()).isEqualTo(403);

        // Subtitles: an SRT becomes WebVTT, listed in the master playlist as a subtitles group with a playlist of its own.
        String subtitlesPath = contents() + "/" + movie + "/video/subtitles";
        var srt = subtitleUpload(studio.asOwner(), subtitlesPath, "id", "Bahasa Indonesia", "kancil.srt",
                "1\r\n00:00:01,000 --> 00:00:03,000\r\nKancil berlari\r\n\r\n2\r\n00:00:05,000 --> 00:00:07,500\r\nBuaya menunggu\r\n");
        assertThat(srt.statusCode()).as(srt.body()).isEqualTo(201);
        assertThat(json(srt).get("cue_count").asInt()).isEqualTo(2);
        var bad = subtitleUpload(studio.asOwner(), subtitlesPath, "en", "English", "notes.srt", "Once upon a time, Kancil...");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("type").asString()).endsWith("subtitle-unreadable");
        assertThat(json(bad).get("detail").asString()).contains("Line 1");
        assertThat(subtitleUpload(studio.asOwner(), subtitlesPath, "not a language", "x\"y", "a.vtt", "WEBVTT\n").statusCode()).isEqualTo(400);
        JsonNode tracks = json(studio.asOwner().call("GET", subtitlesPath, null));
        assertThat(tracks.size()).isEqualTo(1);
        String subtitleId = tracks.get(0).get("id").asString();
        String withSubtitles = new String(get(owner.cookie(), master).body());
        Matcher media = Pattern.compile("#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"Bahasa Indonesia\",LANGUAGE=\"id\",[^\n]*URI=\"([^\"]+)\"")
                .matcher(withSubtitles);
        assertThat(media.find()).as(withSubtitles).isTrue();
        assertThat(withSubtitles).contains("SUBTITLES=\"subs\"\n");
        String subtitlePlaylist = new String(get(owner.cookie(), base + media.group(1)).body());
        assertThat(subtitlePlaylist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST");
        var vtt = get(owner.cookie(), base + "subtitles/" + lines(subtitlePlaylist.getBytes()).getFirst());
        assertThat(vtt.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/vtt");
        assertThat(new String(vtt.body())).isEqualTo("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nKancil berlari\n\n"
                + "00:00:05.000 --> 00:00:07.500\nBuaya menunggu\n");
        assertThat(get(owner.cookie(), base + "subtitles/" + subtitleId + ".vtt").statusCode()).isEqualTo(403);
        // Another organization's owner, and a fan, see neither the tracks nor a way to change them.
        StudioFixtures.Studio other = fixtures.studio("subtitles-other");
        String otherSubtitles = "/api/v1/organizations/" + other.organizationId() + "/contents/" + movie + "/video/subtitles";
        assertThat(other.asOwner().call("GET", subtitlesPath, null).statusCode()).isEqualTo(404);
        assertThat(other.asOwner().call("GET", otherSubtitles, null).statusCode()).isEqualTo(404);
        assertThat(subtitleUpload(other.asOwner(), subtitlesPath, "en", "English", "a.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n")
                .statusCode()).isEqualTo(404);
        assertThat(subtitleUpload(other.asOwner(), otherSubtitles, "en", "English", "a.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n")
                .statusCode()).isEqualTo(404);
        assertThat(other.asOwner().call("DELETE", subtitlesPath + "/" + subtitleId, null).statusCode()).isEqualTo(404);
        assertThat(other.asOwner().call("DELETE", otherSubtitles + "/" + subtitleId, null).statusCode()).isEqualTo(404);
        String series = create("Kancil Serial", "series");
        String episodeSubtitles = contents() + "/" + series + "/episodes/" + java.util.UUID.randomUUID() + "/video/subtitles";
        assertThat(studio.asOwner().call("GET", episodeSubtitles, null).statusCode()).isEqualTo(404);
        assertThat(other.asOwner().call("GET", episodeSubtitles, null).statusCode()).isEqualTo(404);
        assertThat(studio.asOwner().call("DELETE", subtitlesPath + "/" + java.util.UUID.randomUUID(), null).statusCode()).isEqualTo(404);

        // Without a link, or with one whose signature was altered, even the publisher gets nothing.
        assertThat(problemType(get(owner.cookie(), base + "360.mp4"))).endsWith("stream-link-invalid");
        assertThat(problemType(get(owner.cookie(), base + "360.m3u8"))).endsWith("stream-link-invalid");
        assertThat(get(owner.cookie(), segmentLink.replaceAll("signature=.", "signature=" + (segmentLink.contains("signature=A") ? "B" : "A")))
                .statusCode()).isEqualTo(403);

        assertThat(studio.asOwner().postJson(contents() + "/" + movie + "/status", "{\"status\":\"published\"}").statusCode()).isEqualTo(200);
        assertThat(studio.asOwner().call("PATCH", contents() + "/" + movie, "{\"visibility\":\"premium\"}").statusCode()).isEqualTo(200);

        // A fan on no paid plan sees the title but is refused at the playlist and at the segment URL itself.
        Users.Signed fan = new Users(http).signUpAndIn("fan");
        PageSession fanPage = PageSession.signIn(http, fan);
        assertThat(get(fanPage.cookie(), master).statusCode()).isEqualTo(403);
        assertThat(problemType(get(fanPage.cookie(), segmentLink))).endsWith("plan-required");
        assertThat(get(null, segmentLink).statusCode()).isIn(401, 302);
        assertThat(studio.asOwner().call("PATCH", contents() + "/" + movie, "{\"visibility\":\"free\"}").statusCode()).isEqualTo(200);
        // Free now, but the publisher's link is still not the fan's: the fan plays through links of their own.
        assertThat(problemType(get(fanPage.cookie(), segmentLink))).endsWith("stream-link-invalid");
        var fanMaster = get(fanPage.cookie(), master);
        assertThat(fanMaster.statusCode()).isEqualTo(200);
        String fanLink = lines(fanMaster.body()).getLast();
        assertThat(get(fanPage.cookie(), base + fanLink).statusCode()).isEqualTo(200);
        assertThat(get(owner.cookie(), base + fanLink).statusCode()).isEqualTo(403);
        assertThat(get(fanPage.cookie(), base + fanLink.replace(".m3u8", ".mp4")).statusCode()).isEqualTo(200);
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

    private static HttpResponse<String> subtitleUpload(Http client, String path, String language, String label, String fileName, String text) {
        String boundary = "----subs" + java.util.UUID.randomUUID().toString().replace("-", "");
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\n" + language + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\n" + label + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        return client.send(client.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The URI lines of a playlist. */
    private static List<String> lines(byte[] playlist) {
        return new String(playlist).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private String problemType(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(403);
        return mapper.readTree(response.body()).get("type").asString();
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

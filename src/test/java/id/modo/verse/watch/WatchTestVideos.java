package id.modo.verse.watch;

import id.modo.verse.media.FfmpegInstallation;
import id.modo.verse.support.Http;
import id.modo.verse.support.RequiredFfmpeg;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sources made with the real ffmpeg (lavfi's testsrc2 and a sine tone) and a multipart upload as a browser sends it. */
final class WatchTestVideos {

    private WatchTestVideos() {
    }

    /** An H.264 + AAC MP4 of {@code seconds} at {@code width}x{@code height}, 25 fps. */
    static byte[] source(int width, int height, int seconds) throws IOException {
        return source(width, height, seconds, "2M");
    }

    /** As {@link #source(int, int, int)} at a video bitrate such as "100k", so a long source stays a small upload. */
    static byte[] source(int width, int height, int seconds, String videoBitrate) throws IOException {
        return source(width, height, seconds, videoBitrate, 25);
    }

    /** As {@link #source(int, int, int, String)} at {@code fps}: fewer frames make a long multi-rung transcode quick. */
    static byte[] source(int width, int height, int seconds, String videoBitrate, int fps) throws IOException {
        FfmpegInstallation programs = RequiredFfmpeg.installation();
        Path out = Files.createTempFile("watch-source-", ".mp4");
        try {
            RequiredFfmpeg.ffmpeg().ffmpeg(List.of("-y", "-v", "error", "-f", "lavfi", "-i",
                    "testsrc2=size=" + width + "x" + height + ":rate=" + fps + ":duration=" + seconds, "-f", "lavfi", "-i",
                    "sine=frequency=440:duration=" + seconds, "-c:v", programs.h264Encoder().orElseThrow(), "-b:v", videoBitrate,
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", out.toString()), Duration.ofMinutes(3)).orThrow("ffmpeg (test source)");
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static HttpResponse<String> upload(Http client, String path, String fileName, byte[] content) {
        String boundary = "----watch" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(client.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}

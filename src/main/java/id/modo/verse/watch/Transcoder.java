package id.modo.verse.watch;

import id.modo.verse.media.Ffmpeg;
import id.modo.verse.media.FfmpegInstallation;
import id.modo.verse.media.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a source file into HLS renditions with ffmpeg: ffprobe reads it (refusing what has no video or no length),
 * each rung of {@link HlsLadder} is encoded to H.264 and AAC in one fragmented MP4 file with a byte-range media playlist
 * (4-second segments, a keyframe every 2 seconds), a poster is taken from the first tenth of the video, and a sprite of
 * small frames with its WebVTT map makes the player's seek previews.
 * Works in a folder of the caller's; stores nothing.
 */
@Component
class Transcoder {

    static final int SEGMENT_SECONDS = 4;
    static final int SPRITE_TILE_WIDTH = 160;
    static final int SPRITE_COLUMNS = 10;
    static final int SPRITE_MAX_TILES = 200;
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

    private final Ffmpeg ffmpeg;
    private final JsonMapper json;

    Transcoder(Ffmpeg ffmpeg, JsonMapper json) {
        this.ffmpeg = ffmpeg;
        this.json = json;
    }

    /** What ffprobe says of a source. */
    record Probe(int width, int height, double fps, double durationSeconds, boolean hasAudio) {
    }

    /** One encoded rung: its files in the work folder, its playlist's text and its codecs as the master playlist names them. */
    record Rendition(HlsLadder.Rung rung, Path segments, String playlist, String codecs) {
    }

    /** The seek previews: one JPEG of tiles and the WebVTT map whose cues point at them ({@code sprite.jpg#xywh=x,y,w,h}). */
    record Sprite(Path image, String map) {
    }

    /** Thrown with a reason a person can act on: the source is not a video, is cut short, or ffmpeg refused it. */
    static class SourceRefused extends RuntimeException {
        SourceRefused(String reason) {
            super(reason);
        }
    }

    Probe probe(Path source) {
        if (sizeOf(source) == 0) {
            throw new SourceRefused("The file is empty (0 bytes).");
        }
        ProcessResult result = ffmpeg.ffprobe(List.of("-v", "error", "-print_format", "json", "-show_format", "-show_streams",
                source.toString()), PROBE_TIMEOUT);
        if (!result.succeeded()) {
            throw new SourceRefused("This file is not a video ffmpeg can read: " + firstLine(result.stderrTail(3), source));
        }
        JsonNode root = json.readTree(result.stdout());
        JsonNode video = null;
        boolean audio = false;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asString("");
            // A cover picture in an audio file is a "video" stream of one frame; it is not a video.
            if ("video".equals(type) && video == null && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
                video = stream;
            }
            audio |= "audio".equals(type);
        }
        if (video == null) {
            throw new SourceRefused("This file has no video stream.");
        }
        double duration = number(root.path("format").path("duration").asString(""));
        if (!(duration > 0)) {
            duration = number(video.path("duration").asString(""));
        }
        if (!(duration > 0)) {
            throw new SourceRefused("This video has no length; it may be cut short.");
        }
        return new Probe(video.path("width").asInt(0), video.path("height").asInt(0), rate(video.path("avg_frame_rate").asString("")),
                duration, audio);
    }

    /** Encodes one rung into {@code folder}; a source cut short fails here with ffmpeg's reason. */
    Rendition encode(Path source, Probe probe, HlsLadder.Rung rung, Path folder) throws IOException {
        FfmpegInstallation programs = ffmpeg.require();
        String encoder = programs.h264Encoder().orElseThrow(() -> new IllegalStateException(
                "This ffmpeg has no H.264 encoder (libx264 or libopenh264); set MODO_FFMPEG_PATH to one that has."));
        Path playlist = folder.resolve(rung.height() + ".m3u8");
        Path segments = folder.resolve(rung.height() + ".mp4");
        List<String> args = new ArrayList<>(List.of("-y", "-v", "error", "-xerror", "-i", source.toString(), "-map", "0:v:0"));
        if (probe.hasAudio()) {
            args.addAll(List.of("-map", "0:a:0"));
        }
        args.addAll(List.of("-vf", "scale=" + rung.width() + ":" + rung.height() + ",fps=" + fps(rung.fps()) + ",format=yuv420p",
                "-c:v", encoder, "-b:v", String.valueOf(rung.averageBitrate()), "-maxrate", String.valueOf(rung.maxBitrate()),
                "-bufsize", String.valueOf(rung.maxBitrate() * 2L), "-g", String.valueOf(rung.gop()),
                "-force_key_frames", "expr:gte(t,n_forced*2)"));
        if (encoder.equals("libx264")) {
            args.addAll(List.of("-preset", "veryfast", "-profile:v", "high", "-sc_threshold", "0", "-keyint_min", String.valueOf(rung.gop())));
        }
        if (probe.hasAudio()) {
            args.addAll(List.of("-c:a", "aac", "-b:a", String.valueOf(HlsLadder.AUDIO_BITRATE), "-ac", "2", "-ar", "48000"));
        }
        args.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
                "-hls_segment_type", "fmp4", "-hls_flags", "single_file", "-hls_segment_filename", segments.toString(), playlist.toString()));
        ProcessResult result = ffmpeg.ffmpeg(args, timeout(probe));
        if (!result.succeeded()) {
            throw new SourceRefused(result.timedOut() ? "Transcoding took too long and was stopped."
                    : "ffmpeg could not transcode this video at " + rung.height() + "p: " + firstLine(result.stderrTail(3), source));
        }
        return new Rendition(rung, segments, Files.readString(playlist), codecs(segments, probe.hasAudio()));
    }

    /** A JPEG frame from the first tenth of the video (at most 5 s in), at 720 lines or the source's own if smaller. */
    Path poster(Path source, Probe probe, Path folder) {
        Path poster = folder.resolve("poster.jpg");
        double at = Math.min(5, probe.durationSeconds() / 10);
        int height = Math.min(720, probe.height() - probe.height() % 2);
        ffmpeg.ffmpeg(List.of("-y", "-v", "error", "-ss", String.format(Locale.ROOT, "%.3f", at), "-i", source.toString(),
                "-frames:v", "1", "-vf", "scale=-2:" + height, "-q:v", "3", poster.toString()), PROBE_TIMEOUT).orThrow("ffmpeg (poster)");
        return poster;
    }

    /**
     * A frame every {@link #spriteInterval} seconds, {@value #SPRITE_TILE_WIDTH} px wide, tiled {@value #SPRITE_COLUMNS} across
     * in one JPEG ({@code fps=1/N,scale,tile}), and the map of which tile covers which seconds.
     */
    Sprite sprite(Path source, Probe probe, Path folder) {
        int interval = spriteInterval(probe.durationSeconds());
        // A last sliver (the sound running a few frames past the picture) gets no tile of its own.
        int count = (int) Math.max(1, Math.ceil(probe.durationSeconds() / interval - 0.1));
        int columns = Math.min(SPRITE_COLUMNS, count);
        int rows = (count + columns - 1) / columns;
        int tileHeight = Math.max(2, (int) Math.round(SPRITE_TILE_WIDTH * (double) probe.height() / probe.width()) & ~1);
        Path image = folder.resolve("sprite.jpg");
        ffmpeg.ffmpeg(List.of("-y", "-v", "error", "-i", source.toString(), "-an", "-vf", "fps=1/" + interval + ",scale=" + SPRITE_TILE_WIDTH
                + ":" + tileHeight + ",tile=" + columns + "x" + rows, "-frames:v", "1", "-q:v", "4", image.toString()), timeout(probe))
                .orThrow("ffmpeg (thumbnail sprite)");
        StringBuilder map = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < count; i++) {
            double start = (double) i * interval;
            double end = Math.min(probe.durationSeconds(), start + interval);
            map.append('\n').append(cueTime(start)).append(" --> ").append(cueTime(end)).append('\n')
                    .append("sprite.jpg#xywh=").append(i % columns * SPRITE_TILE_WIDTH).append(',').append(i / columns * tileHeight).append(',')
                    .append(SPRITE_TILE_WIDTH).append(',').append(tileHeight).append('\n');
        }
        return new Sprite(image, map.toString());
    }

    /** Every 2 s, wider apart for long videos so the sprite holds at most 200 tiles (a two-hour film: one every 36 s). */
    static int spriteInterval(double durationSeconds) {
        return (int) Math.max(2, Math.ceil(durationSeconds / SPRITE_MAX_TILES));
    }

    /** WebVTT's {@code hh:mm:ss.ttt}. */
    static String cueTime(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000);
    }

    /** The RFC 6381 codec names of what was written, read back with ffprobe: {@code avc1.PPCCLL} and AAC-LC. */
    private String codecs(Path segments, boolean audio) {
        ProcessResult result = ffmpeg.ffprobe(List.of("-v", "error", "-select_streams", "v:0", "-show_entries", "stream=profile,level",
                "-print_format", "json", segments.toString()), PROBE_TIMEOUT).orThrow("ffprobe (codecs)");
        JsonNode stream = json.readTree(result.stdout()).path("streams").path(0);
        String profile = switch (stream.path("profile").asString("").toLowerCase(Locale.ROOT)) {
            case "constrained baseline" -> "42e0";
            case "baseline" -> "4200";
            case "main" -> "4d40";
            default -> "6400";
        };
        String video = "avc1." + profile + String.format("%02x", Math.max(10, stream.path("level").asInt(31)));
        return audio ? video + ",mp4a.40.2" : video;
    }

    /** Generous: a slow machine encodes 1080p at a fraction of real time, and a hung ffmpeg must still end. */
    private static Duration timeout(Probe probe) {
        return Duration.ofSeconds(120 + (long) Math.ceil(probe.durationSeconds() * 20));
    }

    private static String fps(double fps) {
        return String.format(Locale.ROOT, "%.3f", fps);
    }

    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        double value = parts.length == 2 ? number(parts[0]) / number(parts[1]) : number(fraction);
        return Double.isFinite(value) && value > 0 ? value : 25;
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** ffmpeg's reason, without the server's file paths. */
    private static String firstLine(String text, Path source) {
        String line = text.replace(source.toString(), "the file").lines().filter(l -> !l.isBlank()).findFirst().orElse("no reason given").strip();
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}

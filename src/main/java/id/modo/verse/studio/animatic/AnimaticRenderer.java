package id.modo.verse.studio.animatic;

import id.modo.verse.media.Ffmpeg;
import id.modo.verse.media.FfmpegInstallation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Makes animatics with ffmpeg, in a folder of the caller's; stores nothing. A clip is a beat: each picture gets a slow
 * Ken Burns move (zoom in, zoom out, pan right, pan left, in turn) for the seconds chosen for it, the pictures follow one
 * another, the beat's caption card is laid over them, and the sound is the chosen track (cut or padded with silence to
 * the video) or silence. Pictures are scaled up to three times the frame before {@code zoompan}, whose crop moves by
 * whole pixels of its input: a third of a pixel of the output, which is smooth to the eye where a crop of the frame
 * itself shakes. Every clip has the same size, frame rate, codecs and settings, so the story is the clips joined by
 * the concat demuxer without encoding the video again.
 */
@Component
class AnimaticRenderer {

    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    static final int FPS = 25;
    private static final int UPSCALE = 3;
    private static final double ZOOM = 0.15;
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

    private final Ffmpeg ffmpeg;
    private final AnimaticFfmpeg runner;

    AnimaticRenderer(Ffmpeg ffmpeg, AnimaticFfmpeg runner) {
        this.ffmpeg = ffmpeg;
        this.runner = runner;
    }

    /** A picture and how long it shows. */
    record Shot(Path image, double seconds) {
    }

    /** A beat's pictures and its caption card (null: no burned-in caption). */
    record Clip(List<Shot> shots, Path captionCard) {

        double seconds() {
            return shots.stream().mapToDouble(s -> frames(s.seconds()) / (double) FPS).sum();
        }
    }

    /** The programs, or why animatics cannot be made here. */
    FfmpegInstallation programs() {
        FfmpegInstallation programs = ffmpeg.installation().orElseThrow(() -> new AnimaticFfmpeg.RenderFailed(
                "No ffmpeg was found; set MODO_FFMPEG_PATH to one with an H.264 encoder and AAC."));
        if (!programs.canEncodeH264AndAac()) {
            throw new AnimaticFfmpeg.RenderFailed("This ffmpeg cannot encode H.264 and AAC; set MODO_FFMPEG_PATH to one that can.");
        }
        return programs;
    }

    /** Renders one clip into {@code output}, reporting the milliseconds of video written. */
    void clip(Clip clip, Path audio, Path output, LongConsumer progress) {
        FfmpegInstallation programs = programs();
        runner.run(programs, clipArguments(programs, clip, audio, output), timeout(clip.seconds()), progress);
    }

    /** The ffmpeg arguments of {@link #clip}, also what the bench runs by hand. */
    static List<String> clipArguments(FfmpegInstallation programs, Clip clip, Path audio, Path output) {
        List<String> args = new ArrayList<>(List.of("-y"));
        for (Shot shot : clip.shots()) {
            args.addAll(List.of("-i", shot.image().toString()));
        }
        int next = clip.shots().size();
        int card = -1;
        if (clip.captionCard() != null) {
            args.addAll(List.of("-i", clip.captionCard().toString()));
            card = next++;
        }
        String total = seconds(clip.seconds());
        if (audio != null) {
            args.addAll(List.of("-i", audio.toString()));
        } else {
            args.addAll(List.of("-f", "lavfi", "-t", total, "-i", "anullsrc=r=48000:cl=stereo"));
        }
        int sound = next;
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < clip.shots().size(); i++) {
            graph.append(kenBurns(i, frames(clip.shots().get(i).seconds()))).append(';');
        }
        for (int i = 0; i < clip.shots().size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        graph.append("concat=n=").append(clip.shots().size()).append(":v=1:a=0");
        if (card >= 0) {
            graph.append("[pictures];[pictures][").append(card).append(":v]overlay=0:0:format=auto");
        }
        graph.append(",format=yuv420p[video];[").append(sound).append(":a]aresample=48000,apad[sound]");
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[video]", "-map", "[sound]", "-t", total));
        args.addAll(encoding(programs));
        args.add(output.toString());
        return args;
    }

    /** Joins clips made by {@link #clip} in order; the video is copied, only a sound track given for the whole is encoded. */
    void story(List<Path> clips, double seconds, Path audio, Path folder, Path output, LongConsumer progress) throws IOException {
        FfmpegInstallation programs = programs();
        Path list = folder.resolve("clips.txt");
        StringBuilder text = new StringBuilder("ffconcat version 1.0\n");
        for (Path clip : clips) {
            text.append("file '").append(clip.toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
        }
        Files.writeString(list, text.toString(), StandardCharsets.UTF_8);
        runner.run(programs, storyArguments(list, seconds, audio, output), timeout(seconds), progress);
    }

    static List<String> storyArguments(Path list, double seconds, Path audio, Path output) {
        List<String> args = new ArrayList<>(List.of("-y", "-f", "concat", "-safe", "0", "-i", list.toString()));
        if (audio == null) {
            args.addAll(List.of("-map", "0:v", "-map", "0:a", "-c", "copy"));
        } else {
            args.addAll(List.of("-i", audio.toString(), "-map", "0:v", "-map", "1:a", "-c:v", "copy", "-af", "aresample=48000,apad",
                    "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-t", seconds(seconds)));
        }
        args.addAll(List.of("-movflags", "+faststart", output.toString()));
        return args;
    }

    /** A JPEG of the frame {@code at} seconds in. */
    void poster(Path video, double at, Path poster) {
        ffmpeg.ffmpeg(List.of("-y", "-v", "error", "-ss", seconds(at), "-i", video.toString(), "-frames:v", "1", "-q:v", "3",
                poster.toString()), PROBE_TIMEOUT).orThrow("ffmpeg (animatic poster)");
    }

    /** The length ffprobe reads from the file, in seconds. */
    double duration(Path video) {
        String out = ffmpeg.ffprobe(List.of("-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1",
                video.toString()), PROBE_TIMEOUT).orThrow("ffprobe (animatic)").stdout().strip();
        try {
            return Double.parseDouble(out);
        } catch (NumberFormatException e) {
            throw new AnimaticFfmpeg.RenderFailed("The rendered animatic could not be read back.");
        }
    }

    /**
     * One picture's move: fill the frame (cropping what sticks out), scale up, then zoom or pan over {@code frames}
     * frames. {@code on} is the frame number within this picture, so each move starts from its own beginning.
     */
    static String kenBurns(int index, int frames) {
        String last = String.valueOf(Math.max(1, frames - 1));
        String zoom;
        String x = "(iw-iw/zoom)/2";
        String y = "(ih-ih/zoom)/2";
        String z = String.format(Locale.ROOT, "%.3f", ZOOM);
        switch (index % 4) {
            case 0 -> zoom = "1+" + z + "*on/" + last;
            case 1 -> zoom = "1+" + z + "-" + z + "*on/" + last;
            case 2 -> {
                zoom = "1+" + z;
                x = "(iw-iw/zoom)*on/" + last;
            }
            default -> {
                zoom = "1+" + z;
                x = "(iw-iw/zoom)*(1-on/" + last + ")";
            }
        }
        int w = WIDTH * UPSCALE;
        int h = HEIGHT * UPSCALE;
        return "[" + index + ":v]scale=" + w + ":" + h + ":force_original_aspect_ratio=increase:flags=bicubic,crop=" + w + ":" + h
                + ",setsar=1,format=yuv420p,zoompan=z='" + zoom + "':x='" + x + "':y='" + y + "':d=" + frames + ":s=" + WIDTH + "x" + HEIGHT
                + ":fps=" + FPS + "[s" + index + "]";
    }

    /** H.264 (x264 where there is one, else the bundled OpenH264) and AAC, the same for every clip so they join as they are. */
    static List<String> encoding(FfmpegInstallation programs) {
        String encoder = programs.h264Encoder().orElseThrow();
        List<String> args = new ArrayList<>(List.of("-c:v", encoder));
        if (encoder.equals("libx264")) {
            args.addAll(List.of("-preset", "veryfast", "-crf", "21"));
        } else {
            args.addAll(List.of("-b:v", "3000k"));
        }
        args.addAll(List.of("-g", String.valueOf(FPS * 2), "-pix_fmt", "yuv420p", "-r", String.valueOf(FPS),
                "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000", "-movflags", "+faststart"));
        return args;
    }

    static int frames(double seconds) {
        return Math.max(1, (int) Math.round(seconds * FPS));
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** Generous: a busy machine renders at a fraction of real time, and a hung ffmpeg must still end. */
    private static Duration timeout(double seconds) {
        return Duration.ofSeconds(120 + (long) Math.ceil(seconds * 30));
    }
}

package id.modo.verse.media;

import id.modo.verse.support.RequiredFfmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

/**
 * The real ffmpeg and ffprobe, found as the app finds them: a clip made and encoded as Watch and
 * Studio will, the bundled programs, and MODO_FFMPEG_PATH pointing at nothing and at the real ones.
 * Skipped with the reason where no ffmpeg is found, unless MODO_REQUIRE_FFMPEG=1.
 */
class FfmpegTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    @Test
    void encodesATwoSecondClipToH264AndAacInMp4ThatFfprobeReadsBack() {
        FfmpegInstallation installation = RequiredFfmpeg.installation();
        Ffmpeg ffmpeg = RequiredFfmpeg.ffmpeg();
        String h264 = installation.h264Encoder().orElseThrow(() -> new AssertionError(installation.ffmpeg() + " has no H.264 encoder"));
        assertThat(installation.hasEncoder("aac")).isTrue();
        Path source = dir.resolve("source.mkv");
        Path encoded = dir.resolve("clip.mp4");

        ffmpeg.ffmpeg(List.of("-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25", "-f", "lavfi", "-i", "sine=duration=2",
                "-c:v", "ffv1", "-c:a", "pcm_s16le", source.toString()), TIMEOUT).orThrow("ffmpeg (test source)");
        ffmpeg.ffmpeg(List.of("-i", source.toString(), "-c:v", h264, "-pix_fmt", "yuv420p", "-b:v", "500k", "-c:a", "aac", "-b:a", "96k",
                "-movflags", "+faststart", encoded.toString()), TIMEOUT).orThrow("ffmpeg (" + h264 + " + aac)");
        ProcessResult probe = ffmpeg.ffprobe(List.of("-v", "error", "-show_entries", "format=duration,format_name:stream=codec_type,codec_name",
                "-of", "json", encoded.toString()), TIMEOUT).orThrow("ffprobe");

        JsonNode media = JsonMapper.builder().build().readTree(probe.stdout());
        assertThat(media.get("format").get("format_name").asString()).contains("mp4");
        assertThat(Double.parseDouble(media.get("format").get("duration").asString())).isCloseTo(2.0, within(0.1));
        assertThat(media.get("streams").valueStream().map(stream -> stream.get("codec_type").asString() + ":" + stream.get("codec_name").asString()))
                .containsExactlyInAnyOrder("video:h264", "audio:aac");
    }

    @Test
    void theBundledProgramsRunOnLinuxX8664() {
        if (!"linux-x86_64".equals(Loader.getPlatform())) {
            RequiredFfmpeg.unavailable("the bundled ffmpeg is for linux-x86_64 only, this is " + Loader.getPlatform());
        }
        FfmpegLookup.Resolution bundled = new FfmpegLookup(null, "", FfmpegLookup.JAVACPP).resolve();
        if (bundled.installation() == null) {
            RequiredFfmpeg.unavailable(bundled.problem());
        }

        FfmpegInstallation installation = bundled.installation();
        assertThat(installation.source()).isEqualTo(FfmpegSource.BUNDLED);
        assertThat(installation.version()).isEqualTo("8.1.2");
        assertThat(installation.encoders()).contains("libopenh264", "aac", "libvpx-vp9", "libsvtav1");
        assertThat(installation.h264Encoder()).hasValue("libopenh264");
        assertThat(installation.environment()).containsKey("LD_LIBRARY_PATH");
    }

    @Test
    void modoFfmpegPathNamingNothingLeavesFfmpegUnavailableWithAClearReason() {
        Path missing = dir.resolve("no-such/ffmpeg");
        Ffmpeg ffmpeg = Ffmpeg.lookingAt(missing.toString());

        assertThat(ffmpeg.installation()).isEmpty();
        assertThat(catchThrowable(ffmpeg::require)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("MODO_FFMPEG_PATH (modo.media.ffmpeg-path) is " + missing + ", but there is no ffmpeg program at");
        assertThat(catchThrowable(() -> ffmpeg.ffmpeg(List.of("-version"), TIMEOUT)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MODO_FFMPEG_PATH");
    }

    @Test
    void modoFfmpegPathNamingTheRealProgramOrItsFolderIsUsed() {
        FfmpegInstallation found = RequiredFfmpeg.installation();

        for (Path configured : List.of(found.ffmpeg(), found.ffmpeg().getParent())) {
            FfmpegInstallation set = Ffmpeg.lookingAt(configured.toString()).require();
            assertThat(set.source()).isEqualTo(FfmpegSource.SETTING);
            assertThat(set.ffmpeg()).isEqualTo(found.ffmpeg());
            assertThat(set.version()).isEqualTo(found.version());
            assertThat(set.encoders()).isEqualTo(found.encoders());
        }
    }

    @Test
    void anEncodePastItsTimeoutIsStopped() throws Exception {
        RequiredFfmpeg.installation();
        Path endless = dir.resolve("endless.mp4");

        ProcessResult result = RequiredFfmpeg.ffmpeg().ffmpeg(List.of("-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-c:v", "mpeg4", endless.toString()), Duration.ofSeconds(2));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stderr()).contains("Input #0, lavfi");
        assertThat(Files.exists(endless)).isTrue();
    }
}

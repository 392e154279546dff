package id.modo.verse.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order ffmpeg is looked for in, with stand-in programs (shell scripts that answer -version and
 * -encoders as ffmpeg does), so it is tested on any machine; FfmpegTests runs the real ones.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FfmpegLookupTests {

    static final String ENCODERS = """
            Encoders:
             V..... = Video
             A..... = Audio
             S..... = Subtitle
             .F.... = Frame-level multithreading
             ..S... = Slice-level multithreading
             ...X.. = Codec is experimental
             ....B. = Supports draw_horiz_band
             .....D = Supports direct rendering method 1
             ------
             V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
             V....D libvpx-vp9           libvpx VP9 (codec vp9)
             A....D aac                  AAC (Advanced Audio Coding)
             A..X.D opus                 Opus
             S..... webvtt               WebVTT subtitle
            """;

    @TempDir
    Path dir;

    final AtomicInteger bundledCalls = new AtomicInteger();
    final FfmpegLookup.Bundled noBundle = () -> {
        bundledCalls.incrementAndGet();
        throw new IllegalStateException("this build bundles ffmpeg for linux-x86_64 only, and this machine is test-platform");
    };

    @Test
    void aSettingNamingNothingIsReportedByItsNameAndNoOtherFfmpegIsTaken() throws IOException {
        Path onPath = fakePrograms("bin", "6.0-path");
        Path missing = dir.resolve("opt/ffmpeg/bin/ffmpeg");

        FfmpegLookup.Resolution found = new FfmpegLookup(missing.toString(), onPath.toString(), noBundle).resolve();

        assertThat(found.installation()).isNull();
        assertThat(found.problem()).startsWith("MODO_FFMPEG_PATH (modo.media.ffmpeg-path) is " + missing)
                .contains("there is no ffmpeg program at " + missing)
                .contains("Set MODO_FFMPEG_PATH to the ffmpeg program or to the folder holding ffmpeg and ffprobe");
        assertThat(bundledCalls).hasValue(0);
    }

    @Test
    void aSettingNamesTheProgramOrItsFolderAndComesBeforeThePath() throws IOException {
        Path configured = fakePrograms("configured", "7.1-setting");
        Path onPath = fakePrograms("bin", "6.0-path");

        FfmpegInstallation byFolder = new FfmpegLookup(configured.toString(), onPath.toString(), noBundle).resolve().installation();
        FfmpegInstallation byProgram = new FfmpegLookup(configured.resolve("ffmpeg").toString(), onPath.toString(), noBundle)
                .resolve().installation();

        for (FfmpegInstallation installation : new FfmpegInstallation[] {byFolder, byProgram}) {
            assertThat(installation.source()).isEqualTo(FfmpegSource.SETTING);
            assertThat(installation.ffmpeg()).isEqualTo(configured.resolve("ffmpeg"));
            assertThat(installation.ffprobe()).isEqualTo(configured.resolve("ffprobe"));
            assertThat(installation.version()).isEqualTo("7.1-setting");
        }
        assertThat(bundledCalls).hasValue(0);
    }

    @Test
    void aSuffixedProgramFindsItsSuffixedFfprobe() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("versioned"));
        writeProgram(folder.resolve("ffmpeg-7"), "7.0.2");
        writeProgram(folder.resolve("ffprobe-7"), "7.0.2");

        FfmpegInstallation installation = new FfmpegLookup(folder.resolve("ffmpeg-7").toString(), "", noBundle).resolve().installation();

        assertThat(installation.ffprobe()).isEqualTo(folder.resolve("ffprobe-7"));
    }

    @Test
    void aSettingWithoutFfprobeBesideItSaysSo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("half"));
        writeProgram(folder.resolve("ffmpeg"), "7.1");

        FfmpegLookup.Resolution found = new FfmpegLookup(folder.toString(), "", noBundle).resolve();

        assertThat(found.problem()).contains("there is no executable ffprobe beside it (" + folder.resolve("ffprobe") + ")");
    }

    @Test
    void withoutASettingThePathComesBeforeTheBundledPrograms() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path onPath = fakePrograms("bin", "6.0-path");

        FfmpegInstallation installation = new FfmpegLookup("  ", empty + ":" + onPath, noBundle).resolve().installation();

        assertThat(installation.source()).isEqualTo(FfmpegSource.PATH);
        assertThat(installation.ffmpeg()).isEqualTo(onPath.resolve("ffmpeg"));
        assertThat(installation.version()).isEqualTo("6.0-path");
        assertThat(installation.encoders()).containsExactlyInAnyOrder("libx264", "libvpx-vp9", "aac", "opus", "webvtt");
        assertThat(installation.h264Encoder()).hasValue("libx264");
        assertThat(installation.canEncodeH264AndAac()).isTrue();
        assertThat(installation.environment()).isEmpty();
        assertThat(bundledCalls).hasValue(0);
    }

    @Test
    void thenTheBundledProgramsWhichGetTheirFolderAsLibraryPath() throws IOException {
        Path bundle = fakePrograms("bundle", "8.1.2");
        Files.writeString(bundle.resolve("libavutil.so.60"), "");
        FfmpegLookup.Bundled bundled = () -> new FfmpegLookup.Programs(bundle.resolve("ffmpeg"), bundle.resolve("ffprobe"));

        FfmpegInstallation installation = new FfmpegLookup(null, dir.resolve("nothing-here").toString(), bundled).resolve().installation();

        assertThat(installation.source()).isEqualTo(FfmpegSource.BUNDLED);
        assertThat(installation.version()).isEqualTo("8.1.2");
        assertThat(installation.environment().get("LD_LIBRARY_PATH")).startsWith(bundle.toString());
    }

    @Test
    void aPathFfmpegThatDoesNotRunGivesWayToTheBundledOne() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        for (String program : new String[] {"ffmpeg", "ffprobe"}) {
            write(broken.resolve(program), """
                    #!/bin/sh
                    echo "$0: error while loading shared libraries: libpulse.so.0: cannot open shared object file" >&2
                    exit 127
                    """);
        }
        Path bundle = fakePrograms("bundle", "8.1.2");

        FfmpegInstallation installation = new FfmpegLookup(null, broken.toString(),
                () -> new FfmpegLookup.Programs(bundle.resolve("ffmpeg"), bundle.resolve("ffprobe"))).resolve().installation();

        assertThat(installation.source()).isEqualTo(FfmpegSource.BUNDLED);
    }

    @Test
    void withNoFfmpegAnywhereTheReasonNamesEachPlaceAndTheSetting() throws IOException {
        Path onlyFfmpeg = Files.createDirectories(dir.resolve("only-ffmpeg"));
        writeProgram(onlyFfmpeg.resolve("ffmpeg"), "6.0");

        FfmpegLookup.Resolution found = new FfmpegLookup("", onlyFfmpeg.toString(), noBundle).resolve();

        assertThat(found.installation()).isNull();
        assertThat(found.problem()).isEqualTo("No ffmpeg found: MODO_FFMPEG_PATH is not set; ffmpeg is on the PATH but ffprobe is not; "
                + "the bundled ffmpeg cannot be used: this build bundles ffmpeg for linux-x86_64 only, and this machine is test-platform. "
                + FfmpegLookup.ADVICE);
    }

    @Test
    void aMissingSystemLibraryOfTheBundledProgramsIsNamedWithItsPackage() {
        FfmpegLookup.Bundled withoutPulse = () -> {
            throw new UnsatisfiedLinkError("/root/.javacpp/cache/…/libjniavdevice.so: libpulse.so.0: cannot open shared object file");
        };

        FfmpegLookup.Resolution found = new FfmpegLookup(null, "", withoutPulse).resolve();

        assertThat(found.problem()).contains("libpulse.so.0: cannot open shared object file (it needs PulseAudio's client library; "
                + "Debian: apt-get install libpulse0)");
    }

    @Test
    void readsTheVersionAndTheEncodersAsFfmpegPrintsThem() {
        assertThat(FfmpegLookup.version("ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers\nbuilt with gcc 12"))
                .isEqualTo("5.1.6-0+deb12u1");
        assertThat(FfmpegLookup.version("ffmpeg version n8.0 Copyright")).isEqualTo("n8.0");
        assertThat(FfmpegLookup.version("something else")).isEqualTo("unknown");
        assertThat(FfmpegLookup.encoders(ENCODERS)).containsExactly("aac", "libvpx-vp9", "libx264", "opus", "webvtt");
        assertThat(FfmpegLookup.encoders("no table at all")).isEmpty();
    }

    /** A folder holding stand-in ffmpeg and ffprobe that print {@code version} and the encoder table. */
    private Path fakePrograms(String folder, String version) throws IOException {
        Path programs = Files.createDirectories(dir.resolve(folder));
        writeProgram(programs.resolve("ffmpeg"), version);
        writeProgram(programs.resolve("ffprobe"), version);
        return programs;
    }

    private static void writeProgram(Path program, String version) throws IOException {
        String name = program.getFileName().toString().startsWith("ffprobe") ? "ffprobe" : "ffmpeg";
        write(program, "#!/bin/sh\n"
                + "if [ \"$1\" = \"-version\" ]; then echo \"" + name + " version " + version + " Copyright (c) 2000-2026 the FFmpeg developers\"; exit 0; fi\n"
                + "cat <<'EOF'\n" + ENCODERS + "EOF\n");
    }

    private static void write(Path program, String script) throws IOException {
        Files.writeString(program, script);
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

package id.modo.verse.support;

import id.modo.verse.media.Ffmpeg;
import id.modo.verse.media.FfmpegInstallation;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The ffmpeg that tests run, found as the app finds it (MODO_FFMPEG_PATH, the PATH, the bundled
 * jar). Where there is none, a test that needs it is skipped with the reason printed, unless
 * MODO_REQUIRE_FFMPEG=1 (CI) turns that into a failure. The bundled jar is a dependency, so on
 * linux-x86_64 one is always found, as long as PulseAudio's client library (libpulse0) is installed.
 */
public final class RequiredFfmpeg {

    private static Ffmpeg shared;

    private RequiredFfmpeg() {
    }

    /** One lookup per test JVM, outside Spring. */
    public static synchronized Ffmpeg ffmpeg() {
        if (shared == null) {
            shared = Ffmpeg.lookingAt(System.getenv("MODO_FFMPEG_PATH"));
        }
        return shared;
    }

    /** The shared lookup's programs, or the test is skipped (or fails under MODO_REQUIRE_FFMPEG=1). */
    public static FfmpegInstallation installation() {
        return installation(ffmpeg());
    }

    /** {@code ffmpeg}'s programs (the app's bean, say), or the test is skipped (or fails under MODO_REQUIRE_FFMPEG=1). */
    public static FfmpegInstallation installation(Ffmpeg ffmpeg) {
        return ffmpeg.installation().orElseGet(() -> unavailable(problem(ffmpeg)));
    }

    /** Skips the test with {@code reason}, or fails it under MODO_REQUIRE_FFMPEG=1. */
    public static <T> T unavailable(String reason) {
        if ("1".equals(System.getenv("MODO_REQUIRE_FFMPEG"))) {
            Assertions.fail("MODO_REQUIRE_FFMPEG=1 but " + reason);
        }
        System.out.println("SKIPPED ffmpeg tests: " + reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    private static String problem(Ffmpeg ffmpeg) {
        try {
            ffmpeg.require();
            return "no ffmpeg";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }
}

package id.modo.verse.media;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ffmpeg and ffprobe MODO runs, found once by {@link Ffmpeg}.
 *
 * @param ffmpeg the ffmpeg program
 * @param ffprobe the ffprobe program beside it
 * @param source where they were found
 * @param version ffmpeg's version as it prints it ({@code 8.1.2}, {@code 5.1.6-0+deb12u1}); "unknown" if it printed none
 * @param encoders the names of its encoders ({@code libx264}, {@code libopenh264}, {@code aac}, {@code libvpx-vp9}…)
 * @param environment variables the programs need besides this process's own: for programs that keep
 *        their libraries beside them, as the bundled ones do, {@code LD_LIBRARY_PATH} naming that folder
 */
public record FfmpegInstallation(Path ffmpeg, Path ffprobe, FfmpegSource source, String version, Set<String> encoders,
        Map<String, String> environment) {

    /** The H.264 encoders MODO uses, best first: x264 (Debian's ffmpeg), then Cisco's OpenH264 (the bundled one). */
    public static final java.util.List<String> H264_ENCODERS = java.util.List.of("libx264", "libopenh264");

    public FfmpegInstallation {
        encoders = Set.copyOf(encoders);
        environment = Map.copyOf(environment);
    }

    public boolean hasEncoder(String name) {
        return encoders.contains(name);
    }

    /** The best H.264 encoder this ffmpeg has, if any. */
    public Optional<String> h264Encoder() {
        return H264_ENCODERS.stream().filter(this::hasEncoder).findFirst();
    }

    /** Whether it can make what Watch streams and Studio exports: H.264 video with AAC sound. */
    public boolean canEncodeH264AndAac() {
        return h264Encoder().isPresent() && hasEncoder("aac");
    }
}

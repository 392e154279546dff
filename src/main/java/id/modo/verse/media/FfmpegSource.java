package id.modo.verse.media;

/** Where the ffmpeg and ffprobe in use were found, in the order they are looked for. */
public enum FfmpegSource {

    /** {@code MODO_FFMPEG_PATH} ({@code modo.media.ffmpeg-path}): the ffmpeg program or the folder holding both. */
    SETTING,
    /** The first folder on the {@code PATH} that holds both programs (Debian's {@code ffmpeg} package, with libx264). */
    PATH,
    /** The programs inside Maven Central's {@code org.bytedeco:ffmpeg} jar for this platform, extracted on first use. */
    BUNDLED
}

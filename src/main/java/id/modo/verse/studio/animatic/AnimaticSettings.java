package id.modo.verse.studio.animatic;

import java.util.List;
import java.util.UUID;

/**
 * How an animatic is rendered, kept in {@code animations.generation_params} so a retried job renders the same.
 *
 * @param secondsPerImage how long each picture shows when {@code durations} does not say
 * @param durations       a beat's seconds per picture in story order; empty for "secondsPerImage each" (always for the story)
 * @param captions        burned into the picture, a WebVTT track beside it, or none
 * @param audioAssetId    a sound from the organization's media library, cut or padded to the video; null for silence
 * @param language        the language of the beat titles in the captions ({@code en} or {@code id})
 */
record AnimaticSettings(double secondsPerImage, List<Double> durations, Captions captions, UUID audioAssetId, String language) {

    static final double DEFAULT_SECONDS = 3;
    static final double MIN_SECONDS = 1;
    static final double MAX_SECONDS = 20;

    AnimaticSettings {
        durations = durations == null ? List.of() : List.copyOf(durations);
    }

    double seconds(int picture) {
        return picture < durations.size() ? durations.get(picture) : secondsPerImage;
    }

    enum Captions {
        BURNED, WEBVTT, NONE;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

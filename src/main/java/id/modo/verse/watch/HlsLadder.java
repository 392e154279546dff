package id.modo.verse.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The renditions a source is transcoded to, and their bitrates. The ladder is 1080p, 720p, 480p, 360p, never above the
 * source's height (a 480p source gives 480p and 360p; one under 360p gives its own height only). Bitrates follow
 * PeerTube's bits-per-pixel rule ({@code packages/core-utils/src/videos/bitrate.ts}): pixels per frame × frames per second
 * × a bits-per-pixel factor that falls as the resolution grows; the average factor sets the target bitrate and the max
 * factor the peak that the encoder's buffer holds to and the master playlist's BANDWIDTH announces.
 */
final class HlsLadder {

    static final List<Integer> HEIGHTS = List.of(1080, 720, 480, 360);
    static final int AUDIO_BITRATE = 128_000;
    /** Sources faster than this are encoded at it: 60 fps animation gains little on a phone and doubles the bitrate. */
    static final double MAX_FPS = 30;

    private static final Map<Integer, Double> AVERAGE_BPP = Map.of(1080, 0.10, 720, 0.11, 480, 0.12, 360, 0.15, 240, 0.17, 144, 0.19);
    private static final Map<Integer, Double> MAX_BPP = Map.of(1080, 0.17, 720, 0.19, 480, 0.22, 360, 0.26, 240, 0.29, 144, 0.32);
    private static final List<Integer> BUCKETS = List.of(1080, 720, 480, 360, 240, 144);

    private HlsLadder() {
    }

    /** One rung: its frame size, target and peak video bitrates (bits/s), and the frame rate it is encoded at. */
    record Rung(int width, int height, int averageBitrate, int maxBitrate, double fps) {

        /** What the master playlist announces: the peak of video and sound together. */
        int bandwidth(boolean withAudio) {
            return maxBitrate + (withAudio ? AUDIO_BITRATE : 0);
        }

        /** Keyframes every 2 seconds, so 4-second segments each start on one and players can switch between rungs. */
        int gop() {
            return (int) Math.max(1, Math.round(fps * 2));
        }
    }

    static List<Rung> ladder(int sourceWidth, int sourceHeight, double sourceFps) {
        if (sourceWidth <= 0 || sourceHeight <= 0) {
            throw new IllegalArgumentException("A video has a frame size");
        }
        double fps = sourceFps > 0 ? Math.min(sourceFps, MAX_FPS) : 25;
        double ratio = (double) sourceWidth / sourceHeight;
        List<Integer> heights = new ArrayList<>(HEIGHTS.stream().filter(h -> h <= sourceHeight).toList());
        if (heights.isEmpty()) {
            heights.add(even(sourceHeight));
        }
        return heights.stream().map(h -> new Rung(even((int) Math.round(h * ratio)), h, bitrate(h, ratio, fps, AVERAGE_BPP),
                bitrate(h, ratio, fps, MAX_BPP), fps)).toList();
    }

    /** PeerTube's calculateBitrate: height × width from the ratio × fps × the factor of the largest bucket not above the height. */
    static int bitrate(int height, double ratio, double fps, Map<Integer, Double> bitsPerPixel) {
        double width = ratio < 1 && ratio > 0 ? height / ratio : height * ratio;
        int bucket = BUCKETS.stream().filter(b -> b <= height).findFirst().orElse(144);
        return (int) Math.floor(height * width * fps * bitsPerPixel.get(bucket));
    }

    private static int even(int value) {
        return Math.max(2, value - value % 2);
    }
}

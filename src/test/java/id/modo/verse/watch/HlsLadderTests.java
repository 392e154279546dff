package id.modo.verse.watch;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HlsLadderTests {

    @Test
    void theLadderNeverUpscales() {
        assertThat(HlsLadder.ladder(1920, 1080, 25).stream().map(HlsLadder.Rung::height).toList()).isEqualTo(List.of(1080, 720, 480, 360));
        assertThat(HlsLadder.ladder(1280, 720, 25).stream().map(HlsLadder.Rung::height).toList()).isEqualTo(List.of(720, 480, 360));
        assertThat(HlsLadder.ladder(854, 480, 25).stream().map(HlsLadder.Rung::height).toList()).isEqualTo(List.of(480, 360));
        assertThat(HlsLadder.ladder(320, 240, 25)).singleElement().satisfies(r -> {
            assertThat(r.height()).isEqualTo(240);
            assertThat(r.width()).isEqualTo(320);
        });
    }

    @Test
    void bitratesFollowPeerTubesBitsPerPixel() {
        HlsLadder.Rung hd = HlsLadder.ladder(1920, 1080, 30).getFirst();
        // 1080 × 1920 × 30 fps × 0.10 average, × 0.17 peak
        assertThat(hd.averageBitrate()).isEqualTo(6_220_800);
        assertThat(hd.maxBitrate()).isEqualTo(10_575_360);
        assertThat(hd.bandwidth(true)).isEqualTo(10_575_360 + HlsLadder.AUDIO_BITRATE);
        // 60 fps sources are encoded at 30; keyframes every 2 s
        assertThat(HlsLadder.ladder(1920, 1080, 60).getFirst().fps()).isEqualTo(30);
        assertThat(hd.gop()).isEqualTo(60);
        HlsLadder.Rung low = HlsLadder.ladder(640, 360, 25).getFirst();
        assertThat(low.averageBitrate()).isEqualTo((int) Math.floor(360 * 640.0 * 25 * 0.15));
        assertThat(low.width() % 2).isZero();
    }
}

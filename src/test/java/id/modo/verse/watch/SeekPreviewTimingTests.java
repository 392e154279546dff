package id.modo.verse.watch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SeekPreviewTimingTests {

    @ParameterizedTest
    @CsvSource({"3, 2", "10, 2", "400, 2", "400.5, 3", "3600, 18", "7200, 36"})
    void aTileEveryTwoSecondsAndAtMostTwoHundredTiles(double duration, int interval) {
        assertThat(Transcoder.spriteInterval(duration)).isEqualTo(interval);
        assertThat(Math.ceil(duration / interval)).isLessThanOrEqualTo(Transcoder.SPRITE_MAX_TILES);
    }

    @ParameterizedTest
    @CsvSource({"0, 00:00:00.000", "9.9996, 00:00:10.000", "61.25, 00:01:01.250", "3725.5, 01:02:05.500"})
    void cueTimesAreWebVtts(double seconds, String time) {
        assertThat(Transcoder.cueTime(seconds)).isEqualTo(time);
    }
}

package id.modo.verse.watch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Jellyfin's resume rules as a table: position and runtime in, the kept position and played flag out. */
class ResumeRulesTests {

    @ParameterizedTest(name = "{0}s of {1}s → resume at {2}, played {3}")
    @CsvSource({
            // under 5 % in: start again from 0, not played
            "0, 1200, 0, false",
            "59, 1200, 0, false",
            // in the middle: resume where it stopped
            "60, 1200, 60, false",
            "600, 1200, 600, false",
            "1080, 1200, 1080, false",
            // over 90 % in: played, from 0
            "1081, 1200, 0, true",
            // the last second: played
            "1199, 1200, 0, true",
            "1200, 1200, 0, true",
            // past the end or before the start: clamped
            "5000, 1200, 0, true",
            "-5, 1200, 0, false",
            // under 5 minutes long: played, nothing to resume
            "100, 299, 0, true",
            "150, 300, 150, false",
            // no known runtime: the position as sent
            "42, 0, 42, false"
    })
    void resume(int position, int duration, int expectedPosition, boolean played) {
        WatchHistory.Resume resume = WatchHistory.resume(position, duration);
        assertThat(resume.positionSeconds()).isEqualTo(expectedPosition);
        assertThat(resume.played()).isEqualTo(played);
    }
}

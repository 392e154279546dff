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
            // exactly 5 % in is no longer "under 5 %"; exactly 90 % is not yet "over 90 %"
            "600, 12000, 600, false",
            "10800, 12000, 10800, false",
            "10801, 12000, 0, true",
            // 5 minutes exactly is long enough to resume (90 % in still resumes); its last second is played
            "270, 300, 270, false",
            "299, 300, 0, true",
            // no known runtime: the position as sent
            "42, 0, 42, false",
            "-3, 0, 0, false"
    })
    void resume(int position, int duration, int expectedPosition, boolean played) {
        WatchHistory.Resume resume = WatchHistory.resume(position, duration);
        assertThat(resume.positionSeconds()).isEqualTo(expectedPosition);
        assertThat(resume.played()).isEqualTo(played);
    }

    /** A view counts once per viewer, title and day, and the day is Jakarta's (UTC+7): it turns at 17:00 UTC. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-12-07T00:00:00Z, 2026-12-07",
            "2026-12-07T16:59:59Z, 2026-12-07",
            "2026-12-07T17:00:00Z, 2026-12-08",
            "2026-12-31T18:30:00Z, 2027-01-01",
            "2026-12-06T23:59:59Z, 2026-12-07"
    })
    void viewDay(java.time.Instant at, java.time.LocalDate day) {
        assertThat(WatchHistory.viewDay(at)).isEqualTo(day);
    }
}

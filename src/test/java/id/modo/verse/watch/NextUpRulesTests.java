package id.modo.verse.watch;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Next Up as a table: a series' episodes in order (season.episode), the played ones, and the one offered next. */
class NextUpRulesTests {

    @ParameterizedTest(name = "[{0}] played [{1}] → {2}")
    @CsvSource(delimiter = '|', value = {
            // nothing played: nothing to follow on from (a started episode is in continue watching instead)
            "1.1 1.2 1.3 | -       | -",
            // the one after the last played
            "1.1 1.2 1.3 | 1.1     | 1.2",
            "1.1 1.2 1.3 | 1.1 1.2 | 1.3",
            // the last played in order, not the most recent: rewatching 1.1 after 1.2 still offers 1.3
            "1.1 1.2 1.3 | 1.2 1.1 | 1.3",
            // a skipped episode is not offered again
            "1.1 1.2 1.3 | 1.2     | 1.3",
            // across seasons: after the last of season 1 comes the first of season 2
            "1.1 1.2 2.1 2.2 | 1.1 1.2 | 2.1",
            "1.1 1.2 2.1 2.2 | 2.1     | 2.2",
            // finished: the last episode played, so the series drops out
            "1.1 1.2 1.3 | 1.3     | -",
            "1.1 1.2 1.3 | 1.1 1.2 1.3 | -"
    })
    void next(String episodes, String played, String expected) {
        List<NextUp.Slot> ordered = Arrays.stream(episodes.split(" ")).map(NextUpRulesTests::slot).toList();
        Set<EpisodeId> playedIds = "-".equals(played) ? Set.of()
                : Arrays.stream(played.split(" ")).map(p -> slot(p).id()).collect(Collectors.toSet());
        var next = NextUp.next(ordered, playedIds);
        assertThat(next.map(s -> s.season() + "." + s.number()).orElse("-")).isEqualTo(expected);
    }

    /** "2.3" is season 2, episode 3; its id is derived from the numbers so the same text names the same episode. */
    private static NextUp.Slot slot(String text) {
        String[] parts = text.split("\\.");
        return new NextUp.Slot(EpisodeId.of(UUID.nameUUIDFromBytes(text.getBytes())), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}

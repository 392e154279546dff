package id.modo.verse.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The match score's rules on small fixed catalogues (MatchScorer's Javadoc states them). */
class MatchScorerTests {

    static final UUID FABLE = id(1);
    static final UUID FABLE_SAME_CAST = id(2);
    static final UUID FABLE_OTHER_CAST = id(3);
    static final UUID HORROR = id(4);
    static final UUID DRAMA = id(5);

    final Map<UUID, MatchScorer.Features> catalogue = Map.of(
            FABLE, features(FABLE, "genre:fable", "cast:ayu", "category:kids"),
            FABLE_SAME_CAST, features(FABLE_SAME_CAST, "genre:fable", "cast:ayu", "category:kids"),
            FABLE_OTHER_CAST, features(FABLE_OTHER_CAST, "genre:fable", "cast:budi"),
            HORROR, features(HORROR, "genre:horror", "cast:citra"),
            DRAMA, features(DRAMA, "genre:drama"));

    @Test
    void aLovedTitleLiftsTheTitlesLikeItByHowAlikeTheyAre() {
        List<MatchScorer.Match> matches = MatchScorer.score(List.of(new MatchScorer.Signal(FABLE, 5, false)), catalogue,
                List.of(FABLE_SAME_CAST, FABLE_OTHER_CAST, HORROR, DRAMA), List.of());
        // Same features: Jaccard 1, so 1·1 / (1 + 0.5) = 0.667 → 50 + 33.3; one of four shared: 0.25 / 0.75 = 0.333 → 67.
        assertThat(matches).containsExactly(new MatchScorer.Match(FABLE_SAME_CAST, 83, FABLE),
                new MatchScorer.Match(FABLE_OTHER_CAST, 67, FABLE));
    }

    @Test
    void aDislikedTitleLowersTheTitlesLikeItAndExplainsNothing() {
        List<MatchScorer.Match> matches = MatchScorer.score(List.of(new MatchScorer.Signal(FABLE, 1, false)), catalogue,
                List.of(FABLE_SAME_CAST), List.of());
        assertThat(matches).containsExactly(new MatchScorer.Match(FABLE_SAME_CAST, 17, null));
    }

    @Test
    void watchingCountsLessThanLovingAndFinishingMoreThanStarting() {
        int finished = MatchScorer.score(List.of(new MatchScorer.Signal(FABLE, null, true)), catalogue, List.of(FABLE_SAME_CAST), List.of())
                .getFirst().score();
        int started = MatchScorer.score(List.of(new MatchScorer.Signal(FABLE, null, false)), catalogue, List.of(FABLE_SAME_CAST), List.of())
                .getFirst().score();
        assertThat(finished).isEqualTo(67); // 0.5 · 1 / 1.5 → 50 + 16.7
        assertThat(started).isEqualTo(58); // 0.25 · 1 / 1.5 → 50 + 8.3
    }

    @Test
    void theMostSimilarLovedTitleIsTheReason() {
        List<MatchScorer.Signal> signals = List.of(new MatchScorer.Signal(FABLE_OTHER_CAST, 5, false), new MatchScorer.Signal(FABLE, 4, false),
                new MatchScorer.Signal(HORROR, 5, false));
        MatchScorer.Match match = MatchScorer.score(signals, catalogue, List.of(FABLE_SAME_CAST), List.of()).getFirst();
        // FABLE: Jaccard 1 × weight 0.5 = 0.5; FABLE_OTHER_CAST: 0.25 × 1 = 0.25; HORROR shares nothing.
        assertThat(match.because()).isEqualTo(FABLE);
        assertThat(match.score()).isEqualTo((int) Math.round(50 + 50 * (0.5 + 0.25) / (1.25 + 0.5)));
    }

    @Test
    void otherUsersRatingsCountOnlyFromFiveInCommon() {
        UUID unseen = id(99); // no features: only the collaborative part can score it
        List<MatchScorer.Signal> mine = List.of(new MatchScorer.Signal(FABLE, 5, false), new MatchScorer.Signal(HORROR, 1, false));
        assertThat(MatchScorer.score(mine, catalogue, List.of(unseen), tasteLikeMine(unseen, 4))).isEmpty();
        List<MatchScorer.Match> matches = MatchScorer.score(mine, catalogue, List.of(unseen), tasteLikeMine(unseen, 5));
        // Those who loved FABLE loved it too: similarity with FABLE positive, my deviation +2 halved = 1 → 100.
        assertThat(matches).containsExactly(new MatchScorer.Match(unseen, 100, FABLE));
    }

    @Test
    void bothPartsPresentTheMatchIsTheirMean() {
        List<MatchScorer.Signal> mine = List.of(new MatchScorer.Signal(FABLE, 5, false), new MatchScorer.Signal(HORROR, 1, false));
        MatchScorer.Match match = MatchScorer.score(mine, catalogue, List.of(FABLE_SAME_CAST), tasteLikeMine(FABLE_SAME_CAST, 6)).getFirst();
        double content = 1.0 * 1 / (1 + 0.5);
        assertThat(match.score()).isEqualTo((int) Math.round(50 + 50 * (content + 1) / 2));
        assertThat(match.because()).isEqualTo(FABLE);
    }

    @Test
    void adjustedCosineAndJaccard() {
        Map<UUID, Map<UUID, Integer>> byUser = new HashMap<>();
        for (int u = 0; u < 5; u++) {
            byUser.put(id(100 + u), Map.of(FABLE, 5, HORROR, 1));
        }
        assertThat(MatchScorer.adjustedCosine(FABLE, HORROR, byUser)).isCloseTo(-1.0, within(1e-9));
        assertThat(MatchScorer.jaccard(Set.of("a", "b"), Set.of("b", "c"))).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(MatchScorer.jaccard(Set.of("a"), Set.of("c"))).isZero();
    }

    /** {@code users} others who rated FABLE 5, HORROR 1 and {@code candidate} 5: whoever loves FABLE loves the candidate. */
    private static List<MatchScorer.OtherRating> tasteLikeMine(UUID candidate, int users) {
        List<MatchScorer.OtherRating> ratings = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            UUID user = id(200 + u);
            ratings.add(new MatchScorer.OtherRating(user, FABLE, 5));
            ratings.add(new MatchScorer.OtherRating(user, HORROR, 1));
            ratings.add(new MatchScorer.OtherRating(user, candidate, 5));
        }
        return ratings;
    }

    private static MatchScorer.Features features(UUID id, String... tags) {
        return new MatchScorer.Features(id, Set.of(tags));
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}

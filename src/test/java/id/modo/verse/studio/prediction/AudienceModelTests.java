package id.modo.verse.studio.prediction;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The model fitted on the committed films, as the app fits it: its held-out figures, its intervals and its neighbours. */
class AudienceModelTests {

    static List<Film> films;
    static AudienceModel model;

    @BeforeAll
    static void fit() {
        films = FilmData.load();
        model = AudienceModel.fit(films);
    }

    @Test
    void theFilmsWithBudgetAndGrossAreKeptAndSplitFourToOne() {
        assertThat(films).hasSize(3146).allSatisfy(film -> {
            assertThat(film.budget()).isPositive();
            assertThat(film.worldwideGross()).isPositive();
        });
        ModelEvaluation e = model.evaluation();
        assertThat(e.trainingFilms() + e.heldOutFilms()).isEqualTo(films.size());
        assertThat(e.heldOutFilms()).isEqualTo(629);
    }

    @Test
    void theModelBeatsTheBudgetOnlyBaselineOnTheHeldOutFilms() {
        ModelEvaluation e = model.evaluation();
        assertThat(e.r2()).isGreaterThan(e.baselineR2());
        assertThat(e.mdape()).isLessThan(e.baselineMdape());
        assertThat(e.beatsBaseline()).isTrue();
        // The same data, split and seed fit the same model: the figures in docs/prediction.md are reproducible.
        assertThat(AudienceModel.fit(films).evaluation()).isEqualTo(e);
    }

    @Test
    void theIntervalHoldsThePointAndEightyPercentOfTheHeldOutFilms() {
        ModelEvaluation e = model.evaluation();
        assertThat(e.intervalLow()).isNegative();
        assertThat(e.intervalHigh()).isPositive();
        assertThat(e.intervalCoverage()).isCloseTo(0.8, within(0.01));
        for (double budget : new double[] {50_000, 1_000_000, 30_000_000, 250_000_000}) {
            AudienceModel.Estimate estimate = model.estimate(new FilmTraits(budget, "Comedy", "G", "Kids Fiction", "Original Screenplay", 90, 6));
            assertThat(estimate.low()).isLessThan(estimate.gross());
            assertThat(estimate.gross()).isLessThan(estimate.high());
        }
    }

    @Test
    void moreBudgetPredictsMoreGrossAndTheDriversAddUpToThePrediction() {
        FilmTraits small = new FilmTraits(1_000_000, "Drama", "R", null, null, null, null);
        FilmTraits large = new FilmTraits(100_000_000, "Drama", "R", null, null, null, null);
        assertThat(model.estimate(large).gross()).isGreaterThan(model.estimate(small).gross());

        double average = Math.log(model.estimate(small).gross()) - model.contributions(small).values().stream().mapToDouble(d -> d).sum();
        double averageOfLarge = Math.log(model.estimate(large).gross()) - model.contributions(large).values().stream().mapToDouble(d -> d).sum();
        assertThat(averageOfLarge).isCloseTo(average, within(1e-6));
    }

    @Test
    void theNeighboursAreRealFilmsOfTheDataWithTheirActualResults() {
        FilmTraits traits = new FilmTraits(60_000_000, "Adventure", "PG", "Kids Fiction", "Original Screenplay", 95, 6);
        List<Film> near = model.neighbours(traits, 5);
        assertThat(near).hasSize(5);
        Map<String, Film> byTitle = films.stream().filter(f -> f.title() != null).collect(Collectors.toMap(Film::title, f -> f, (a, b) -> a));
        for (Film film : near) {
            assertThat(byTitle).containsKey(film.title());
            assertThat(film.worldwideGross()).isPositive();
        }
        assertThat(near).allSatisfy(film -> assertThat(film.genre()).isEqualTo("Adventure"));
        assertThat(near.stream().map(Film::title).collect(Collectors.toSet())).hasSize(5);
        // The film data's own answer for a film of its own traits is the film itself.
        Film shrek = byTitle.get("Shrek");
        assertThat(model.neighbours(shrek.traits(), 1).getFirst().title()).isEqualTo("Shrek");
        assertThat(shrek.releaseMonth()).isEqualTo(5);
    }

    @Test
    void aBudgetFallsInItsTenthOfTheFilms() {
        assertThat(model.budgetDecile(1)).isEqualTo(1);
        assertThat(model.budgetDecile(1e12)).isEqualTo(10);
        assertThat(model.budgetDecile(20_000_000)).isBetween(4, 7);
    }
}

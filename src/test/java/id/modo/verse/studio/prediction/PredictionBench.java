package id.modo.verse.studio.prediction;

import java.util.List;
import java.util.Locale;

/**
 * Prints the model's held-out figures beside the budget-only baseline, and how long loading and fitting took, for
 * docs/prediction.md. Run by {@code bench/prediction.sh}.
 */
public final class PredictionBench {

    private PredictionBench() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        List<Film> films = FilmData.load();
        long loaded = System.nanoTime();
        AudienceModel model = AudienceModel.fit(films);
        long fitted = System.nanoTime();
        ModelEvaluation e = model.evaluation();
        System.out.printf(Locale.ROOT, "model %s, seed %d: %d films with budget and gross, %d to fit, %d held out%n",
                AudienceModel.VERSION, e.seed(), films.size(), e.trainingFilms(), e.heldOutFilms());
        System.out.printf(Locale.ROOT, "| | R² (log gross) | MdAPE (gross) |%n|---|---|---|%n");
        System.out.printf(Locale.ROOT, "| model (%d features) | %.3f | %.1f %% |%n", model.features().names().size(), e.r2(), 100 * e.mdape());
        System.out.printf(Locale.ROOT, "| baseline (log budget) | %.3f | %.1f %% |%n", e.baselineR2(), 100 * e.baselineMdape());
        System.out.printf(Locale.ROOT, "80 %% interval: point × %.3f .. × %.3f (held-out coverage %.1f %%)%n", Math.exp(e.intervalLow()),
                Math.exp(e.intervalHigh()), 100 * e.intervalCoverage());
        System.out.printf(Locale.ROOT, "beats the baseline: %s%n", e.beatsBaseline() ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "load %d ms, fit and evaluate %d ms%n", (loaded - start) / 1_000_000, (fitted - loaded) / 1_000_000);
    }
}

package id.modo.verse.studio.prediction;

/**
 * How well the model and the budget-only baseline did on the held-out films, which neither saw while fitting: R² of
 * the log of the worldwide gross and the median absolute percentage error of the gross itself (0.64 = 64 %).
 * {@code intervalLow} and {@code intervalHigh} are the 10th and 90th percentiles of the held-out log residuals: a
 * prediction's 80 % interval is its point times e^low .. e^high. {@code intervalCoverage} is the share of held-out
 * films inside their interval (0.8 by construction on those films, said so it can be checked).
 */
public record ModelEvaluation(int trainingFilms, int heldOutFilms, double r2, double mdape, double baselineR2,
        double baselineMdape, double intervalLow, double intervalHigh, double intervalCoverage, long seed) {

    /** Whether the model is better than the baseline on both measures. */
    public boolean beatsBaseline() {
        return r2 > baselineR2 && mdape < baselineMdape;
    }
}

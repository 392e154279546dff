package id.modo.verse.studio.prediction;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.slm.ElasticNetCDTrainer;

/**
 * A linear model of the log of a film's worldwide gross from what a creator can state ({@link FilmFeatures}), fitted
 * with Tribuo's elastic net on a seeded 80 % of the films and measured on the other 20 % against a budget-only
 * baseline (ordinary least squares on the log budget). Immutable once fitted; safe to share between threads.
 */
public final class AudienceModel {

    /** Changes whenever the data, the features, the split or the trainer change: it is stored with each prediction. */
    public static final String VERSION = "movies-3.2.1-enet-v1";
    static final long SEED = 20261207L;
    private static final String TARGET = "log_gross";
    private static final double HELD_OUT_SHARE = 0.2;
    // Almost plain least squares: the small penalty only keeps the rare categories' weights from running away.
    private static final double ALPHA = 0.001;
    private static final double L1_RATIO = 0.5;

    private final FilmFeatures features;
    private final Model<Regressor> model;
    private final Map<String, Double> weights;
    private final double[] means;
    private final double[] scales;
    private final List<Film> films;
    private final List<double[]> standardized;
    private final ModelEvaluation evaluation;

    private AudienceModel(FilmFeatures features, Model<Regressor> model, List<Film> films, ModelEvaluation evaluation) {
        this.features = features;
        this.model = model;
        this.weights = weights(model);
        this.films = films;
        this.evaluation = evaluation;
        int width = features.names().size();
        this.means = new double[width];
        this.scales = new double[width];
        List<double[]> rows = films.stream().map(f -> features.values(f.traits())).toList();
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                means[j] += row[j] / rows.size();
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                scales[j] += (row[j] - means[j]) * (row[j] - means[j]) / rows.size();
            }
        }
        for (int j = 0; j < width; j++) {
            scales[j] = scales[j] > 0 ? Math.sqrt(scales[j]) : 1;
        }
        this.standardized = rows.stream().map(this::standardize).toList();
    }

    /** Fits on {@code films} (those of {@link FilmData}) with the fixed seed. */
    static AudienceModel fit(List<Film> films) {
        List<Film> shuffled = new ArrayList<>(films);
        java.util.Collections.shuffle(shuffled, new Random(SEED));
        int heldOut = (int) Math.round(shuffled.size() * HELD_OUT_SHARE);
        List<Film> test = shuffled.subList(0, heldOut);
        List<Film> train = shuffled.subList(heldOut, shuffled.size());

        FilmFeatures features = FilmFeatures.of(train);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance(FilmData.RESOURCE, factory), factory);
        String[] names = features.names().toArray(String[]::new);
        for (Film film : train) {
            data.add(new ArrayExample<>(new Regressor(TARGET, Math.log(film.worldwideGross())), names, features.values(film.traits())));
        }
        Model<Regressor> model = new ElasticNetCDTrainer(ALPHA, L1_RATIO, 1e-8, 5000, false, SEED).train(data);

        double[] baseline = baseline(train);
        double[] actual = test.stream().mapToDouble(f -> Math.log(f.worldwideGross())).toArray();
        double[] predicted = test.stream().mapToDouble(f -> predict(model, names, features.values(f.traits()))).toArray();
        double[] basePredicted = test.stream().mapToDouble(f -> baseline[0] + baseline[1] * Math.log(f.budget())).toArray();
        double[] residuals = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            residuals[i] = actual[i] - predicted[i];
        }
        double low = quantile(residuals, 0.10);
        double high = quantile(residuals, 0.90);
        int inside = 0;
        for (double residual : residuals) {
            inside += residual >= low && residual <= high ? 1 : 0;
        }
        ModelEvaluation evaluation = new ModelEvaluation(train.size(), test.size(), r2(actual, predicted), mdape(actual, predicted),
                r2(actual, basePredicted), mdape(actual, basePredicted), low, high, (double) inside / residuals.length, SEED);
        return new AudienceModel(features, model, List.copyOf(films), evaluation);
    }

    public ModelEvaluation evaluation() {
        return evaluation;
    }

    FilmFeatures features() {
        return features;
    }

    /** The predicted worldwide gross in US dollars with its 80 % interval from the held-out residuals. */
    public Estimate estimate(FilmTraits traits) {
        double log = predict(model, features.names().toArray(String[]::new), features.values(traits));
        return new Estimate(Math.exp(log), Math.exp(log + evaluation.intervalLow()), Math.exp(log + evaluation.intervalHigh()));
    }

    /** A gross in US dollars: the point and its interval, low <= point <= high. */
    public record Estimate(double gross, double low, double high) {
    }

    /**
     * How each feature moves the log gross against the average film of the data (weight times the distance from the
     * mean), by feature name; a category not chosen counts too (its indicator is 0, below its mean). The sum over all
     * features is the log of the point estimate less the average film's; e^contribution is the factor it multiplies
     * the gross by.
     */
    Map<String, Double> contributions(FilmTraits traits) {
        double[] values = features.values(traits);
        Map<String, Double> out = new HashMap<>();
        List<String> names = features.names();
        for (int j = 0; j < names.size(); j++) {
            double weight = weights.getOrDefault(names.get(j), 0.0);
            if (weight != 0) {
                out.put(names.get(j), weight * (values[j] - means[j]));
            }
        }
        return out;
    }

    /** Where a budget in US dollars falls among the films' budgets: 1 (the lowest tenth) to 10 (the highest). */
    public int budgetDecile(double usd) {
        long below = films.stream().filter(film -> film.budget() < usd).count();
        return (int) Math.min(10, 1 + 10 * below / films.size());
    }

    /** The {@code k} films nearest to {@code traits} on the standardized features, nearest first. */
    public List<Film> neighbours(FilmTraits traits, int k) {
        double[] target = standardize(features.values(traits));
        Integer[] order = new Integer[films.size()];
        double[] distance = new double[films.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            double[] row = standardized.get(i);
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                sum += (row[j] - target[j]) * (row[j] - target[j]);
            }
            distance[i] = sum;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> distance[i]).thenComparing(i -> films.get(i).title(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return Arrays.stream(order).limit(k).map(films::get).toList();
    }

    private double[] standardize(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - means[j]) / scales[j];
        }
        return out;
    }

    private static double predict(Model<Regressor> model, String[] names, double[] values) {
        return model.predict(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names, values)).getOutput().getValues()[0];
    }

    private static Map<String, Double> weights(Model<Regressor> model) {
        Map<String, Double> out = new HashMap<>();
        for (List<Pair<String, Double>> list : model.getTopFeatures(-1).values()) {
            for (Pair<String, Double> pair : list) {
                out.put(pair.getA(), pair.getB());
            }
        }
        return Map.copyOf(out);
    }

    /** Intercept and slope of least squares of the log gross on the log budget. */
    private static double[] baseline(List<Film> train) {
        double n = train.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (Film film : train) {
            double x = Math.log(film.budget());
            double y = Math.log(film.worldwideGross());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {(sy - slope * sx) / n, slope};
    }

    private static double r2(double[] actual, double[] predicted) {
        double mean = Arrays.stream(actual).average().orElseThrow();
        double residual = 0, total = 0;
        for (int i = 0; i < actual.length; i++) {
            residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        return 1 - residual / total;
    }

    /** Median of |predicted - actual| / actual on the gross itself (not its log). */
    private static double mdape(double[] actualLog, double[] predictedLog) {
        double[] errors = new double[actualLog.length];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = Math.abs(Math.exp(predictedLog[i]) - Math.exp(actualLog[i])) / Math.exp(actualLog[i]);
        }
        return quantile(errors, 0.5);
    }

    /** The {@code q} quantile by linear interpolation between the sorted values. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}

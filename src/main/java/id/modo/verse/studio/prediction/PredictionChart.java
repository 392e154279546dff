package id.modo.verse.studio.prediction;

import java.util.ArrayList;
import java.util.List;

/**
 * The page's chart, drawn on the server as SVG: one row for the prediction (its 80 % interval as a bar, the point as
 * a dot) and one per comparable film (its actual gross as a dot), on a log scale of US dollars so a 10× range reads
 * evenly. Coordinates are in the SVG's own units ({@link #WIDTH} × {@link #height()}), which CSS scales to the page.
 */
public record PredictionChart(List<Row> rows, List<Tick> ticks) {

    public static final int WIDTH = 640;
    public static final int LABEL = 200;
    public static final int ROW = 30;
    public static final int TOP = 10;
    private static final int RIGHT = 20;

    /** A row: label, the bar's start and end (equal without an interval), the dot, and whether it is the prediction. */
    public record Row(String label, double from, double to, double at, double y, boolean prediction, String value) {
    }

    /** A gridline at {@code x} for a power of ten, labelled in dollars. */
    public record Tick(double x, String label) {
    }

    public int height() {
        return TOP + rows.size() * ROW + 24;
    }

    public double axisY() {
        return TOP + rows.size() * ROW + 4;
    }

    static PredictionChart of(PredictionView p, String predictionLabel) {
        double low = Double.parseDouble(p.grossLowUsd());
        double high = Double.parseDouble(p.grossHighUsd());
        double point = Double.parseDouble(p.grossUsd());
        double min = low;
        double max = high;
        for (PredictionView.Comparable film : p.comparables()) {
            double gross = Double.parseDouble(film.worldwideGrossUsd());
            min = Math.min(min, gross);
            max = Math.max(max, gross);
        }
        double lo = Math.floor(Math.log10(Math.max(min, 1)));
        double hi = Math.ceil(Math.log10(Math.max(max, 10)));
        if (hi <= lo) {
            hi = lo + 1;
        }
        Scale scale = new Scale(lo, hi);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(predictionLabel, scale.x(low), scale.x(high), scale.x(point), TOP + ROW / 2.0, true, dollars(point)));
        int i = 1;
        for (PredictionView.Comparable film : p.comparables()) {
            double gross = Double.parseDouble(film.worldwideGrossUsd());
            String label = film.title() + (film.year() == null ? "" : " (" + film.year() + ")");
            rows.add(new Row(label, scale.x(gross), scale.x(gross), scale.x(gross), TOP + ROW * i + ROW / 2.0, false, dollars(gross)));
            i++;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int power = (int) lo; power <= (int) hi; power++) {
            ticks.add(new Tick(scale.x(Math.pow(10, power)), dollars(Math.pow(10, power))));
        }
        return new PredictionChart(rows, ticks);
    }

    private record Scale(double lo, double hi) {
        double x(double dollars) {
            double log = Math.log10(Math.max(dollars, 1));
            return Math.round((LABEL + (log - lo) / (hi - lo) * (WIDTH - LABEL - RIGHT)) * 10) / 10.0;
        }
    }

    /** "$1.2M", "$350K", "$2.1B": short enough for the chart. */
    static String dollars(double value) {
        if (value >= 1e9) {
            return String.format(java.util.Locale.ROOT, "$%.1fB", value / 1e9);
        }
        if (value >= 1e6) {
            return String.format(java.util.Locale.ROOT, "$%.1fM", value / 1e6);
        }
        if (value >= 1e3) {
            return String.format(java.util.Locale.ROOT, "$%.0fK", value / 1e3);
        }
        return String.format(java.util.Locale.ROOT, "$%.0f", value);
    }
}

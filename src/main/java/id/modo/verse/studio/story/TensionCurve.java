package id.modo.verse.studio.story;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The story's tension curve as an SVG picture drawn on the server: one point per beat at its intensity (1 calm,
 * 2 rising, 3 intense; a beat without one sits at calm and is drawn hollow), joined left to right, with an accessible
 * title and a description that reads the curve out.
 */
final class TensionCurve {

    static final int WIDTH = 640;
    static final int HEIGHT = 200;
    private static final int PAD = 24;

    record Point(String title, Integer intensity) {
    }

    private TensionCurve() {
    }

    static String svg(String title, String description, List<Point> points) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"tension-curve\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"tension-title tension-desc\" data-points=\"").append(points.size()).append("\">");
        svg.append("<title id=\"tension-title\">").append(escape(title)).append("</title>");
        StringBuilder desc = new StringBuilder(description);
        for (Point point : points) {
            desc.append(' ').append(point.title()).append(": ").append(point.intensity() == null ? "-" : point.intensity()).append('.');
        }
        svg.append("<desc id=\"tension-desc\">").append(escape(desc.toString())).append("</desc>");
        for (int level = 1; level <= 3; level++) {
            String y = y(level);
            svg.append("<line class=\"tension-curve__grid\" x1=\"").append(PAD).append("\" x2=\"").append(WIDTH - PAD)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"></line>");
        }
        if (!points.isEmpty()) {
            double[] levels = levels(points);
            // The line joins only the beats the writer rated: an unrated beat is not "calm", it sits on the line, hollow.
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                if (points.get(i).intensity() != null) {
                    path.append(path.isEmpty() ? "M" : " L").append(x(i, points.size())).append(' ').append(y(levels[i]));
                }
            }
            if (!path.isEmpty()) {
                svg.append("<path class=\"tension-curve__line\" d=\"").append(path).append("\"></path>");
            }
            for (int i = 0; i < points.size(); i++) {
                Point point = points.get(i);
                svg.append("<circle class=\"tension-curve__point").append(point.intensity() == null ? " tension-curve__point--unset" : "")
                        .append("\" cx=\"").append(x(i, points.size())).append("\" cy=\"").append(y(levels[i]))
                        .append("\" r=\"6\"><title>").append(escape(point.title())).append("</title></circle>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Each beat's height: its rating, or for an unrated beat the straight line between its rated neighbours. */
    static double[] levels(List<Point> points) {
        double[] levels = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).intensity() != null) {
                levels[i] = points.get(i).intensity();
                continue;
            }
            int before = i - 1;
            while (before >= 0 && points.get(before).intensity() == null) {
                before--;
            }
            int after = i + 1;
            while (after < points.size() && points.get(after).intensity() == null) {
                after++;
            }
            if (before < 0 && after >= points.size()) {
                levels[i] = 1;
            } else if (before < 0) {
                levels[i] = points.get(after).intensity();
            } else if (after >= points.size()) {
                levels[i] = points.get(before).intensity();
            } else {
                double from = points.get(before).intensity();
                double to = points.get(after).intensity();
                levels[i] = from + (to - from) * (i - before) / (after - before);
            }
        }
        return levels;
    }

    private static String x(int index, int count) {
        double step = count <= 1 ? 0 : (WIDTH - 2.0 * PAD) / (count - 1);
        return String.format(Locale.ROOT, "%.1f", count <= 1 ? WIDTH / 2.0 : PAD + index * step);
    }

    private static String y(double level) {
        return String.format(Locale.ROOT, "%.1f", HEIGHT - PAD - (level - 1) * (HEIGHT - 2 * PAD) / 2.0);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

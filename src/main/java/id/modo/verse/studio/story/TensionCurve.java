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
            int y = y(level);
            svg.append("<line class=\"tension-curve__grid\" x1=\"").append(PAD).append("\" x2=\"").append(WIDTH - PAD)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"></line>");
        }
        if (!points.isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < points.size(); i++) {
                path.append(i == 0 ? "M" : " L").append(x(i, points.size())).append(' ').append(y(level(points.get(i))));
            }
            svg.append("<path class=\"tension-curve__line\" d=\"").append(path).append("\"></path>");
            for (int i = 0; i < points.size(); i++) {
                Point point = points.get(i);
                svg.append("<circle class=\"tension-curve__point").append(point.intensity() == null ? " tension-curve__point--unset" : "")
                        .append("\" cx=\"").append(x(i, points.size())).append("\" cy=\"").append(y(level(point)))
                        .append("\" r=\"6\"><title>").append(escape(point.title())).append("</title></circle>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static int level(Point point) {
        return point.intensity() == null ? 1 : point.intensity();
    }

    private static String x(int index, int count) {
        double step = count <= 1 ? 0 : (WIDTH - 2.0 * PAD) / (count - 1);
        return String.format(Locale.ROOT, "%.1f", count <= 1 ? WIDTH / 2.0 : PAD + index * step);
    }

    private static int y(int level) {
        return HEIGHT - PAD - (level - 1) * (HEIGHT - 2 * PAD) / 2;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

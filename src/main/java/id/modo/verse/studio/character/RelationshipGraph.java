package id.modo.verse.studio.character;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Draws characters and their relationships as an SVG picture, server-side and deterministic.
 *
 * <p>Characters sit on a circle in display order; relationships are curves bent towards the
 * centre, so they stay inside the circle. Names go outside the circle in two columns, right half
 * and left half, the way pie-chart labels are placed: each column is sorted by the height its
 * character suggests, then swept so no two labels come closer than a line, and each label slides
 * sideways until it clears the circle. Labels therefore never overlap each other, the characters
 * or the edges, whatever the names; a name wider than the label column is shortened with an
 * ellipsis, the full name staying in the character's tooltip.
 */
public final class RelationshipGraph {

    static final double NODE_RADIUS = 20;
    static final double LABEL_FONT = 13;
    static final double INITIALS_FONT = 12;
    static final double LEGEND_FONT = 12;
    static final double MAX_LABEL_WIDTH = 170;
    static final double LABEL_GAP_Y = 3;
    static final double PAD = 12;
    /** Labels keep this distance from the ring of characters, beyond the characters' own radius. */
    static final double LABEL_CLEARANCE = NODE_RADIUS + 10;

    private RelationshipGraph() {
    }

    /** A character: its id (to match edges), its full name and where clicking it leads (or null). */
    public record Node(String id, String name, String href) {
    }

    /** A relationship from one character to another. */
    public record Edge(String from, String to, RelationshipType type, String description) {
    }

    /** The picture's texts in the reader's language. */
    public record Texts(String title, String legendTitle, String emptyText, String summaryFormat, Locale locale) {

        public static Texts english() {
            return new Texts("Relationship graph", "Relationship types", "No characters yet.",
                    "%d characters, %d relationships.", Locale.ENGLISH);
        }
    }

    /** An axis-aligned rectangle: a text's estimated ink box. */
    public record Box(double x, double y, double width, double height) {

        public boolean overlaps(Box other) {
            return x < other.x + other.width && other.x < x + width
                    && y < other.y + other.height && other.y < y + height;
        }

        public boolean inside(double canvasWidth, double canvasHeight) {
            return x >= 0 && y >= 0 && x + width <= canvasWidth && y + height <= canvasHeight;
        }
    }

    /** Where one character and its label ended up; {@code anchor} is the SVG text-anchor. */
    public record Placed(Node node, double x, double y, String label, double labelX, double baseline, String anchor, Box labelBox) {
    }

    /** One legend entry: its type, where its sample line starts and its text's box. */
    public record LegendItem(RelationshipType type, double x, double baseline, String label, Box box) {
    }

    public record Layout(double width, double height, double cx, double cy, double radius,
                         List<Placed> nodes, List<LegendItem> legend, double legendTop, Box legendTitleBox) {

        /** Every text box in the picture: the names, the legend entries and the legend's title. */
        public List<Box> labelBoxes() {
            List<Box> boxes = new ArrayList<>();
            nodes.forEach(p -> boxes.add(p.labelBox()));
            legend.forEach(l -> boxes.add(l.box()));
            boxes.add(legendTitleBox);
            return boxes;
        }
    }

    public static Layout layout(List<Node> nodes, Texts texts) {
        Locale locale = texts.locale();
        int n = nodes.size();
        double labelHeight = TextMetrics.height(LABEL_FONT);
        double radius = Math.max(90, n * (2 * NODE_RADIUS + 14) / (2 * Math.PI));
        double ring = radius + LABEL_CLEARANCE;

        // Two columns of labels: the right half (and the top character), the left half.
        List<Integer> right = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        double[] angle = new double[n];
        for (int i = 0; i < n; i++) {
            angle[i] = -Math.PI / 2 + 2 * Math.PI * i / n;
            double cos = Math.cos(angle[i]);
            if (cos > 1e-9 || (Math.abs(cos) <= 1e-9 && Math.sin(angle[i]) < 0)) {
                right.add(i);
            } else {
                left.add(i);
            }
        }
        double step = labelHeight + LABEL_GAP_Y;
        int tallest = Math.max(right.size(), left.size());
        double halfHeight = Math.max(ring + labelHeight, tallest * step / 2 + labelHeight);
        double[] centreY = new double[n];
        for (List<Integer> column : List.of(right, left)) {
            column.sort(Comparator.comparingDouble((Integer i) -> Math.sin(angle[i])).thenComparing(i -> i));
            double previous = Double.NEGATIVE_INFINITY;
            for (int i : column) {
                double wanted = Math.max(ring * Math.sin(angle[i]), -halfHeight + labelHeight / 2);
                centreY[i] = Math.max(wanted, previous + step);
                previous = centreY[i];
            }
            double next = Double.POSITIVE_INFINITY;
            for (int k = column.size() - 1; k >= 0; k--) {
                int i = column.get(k);
                centreY[i] = Math.min(centreY[i], Math.min(next - step, halfHeight - labelHeight / 2));
                next = centreY[i];
            }
        }

        double cx = PAD + MAX_LABEL_WIDTH + ring;
        double cy = PAD + halfHeight;
        double width = 2 * cx;
        List<Placed> placed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Node node = nodes.get(i);
            double x = cx + radius * Math.cos(angle[i]);
            double y = cy + radius * Math.sin(angle[i]);
            String label = TextMetrics.fit(node.name(), LABEL_FONT, MAX_LABEL_WIDTH);
            double labelWidth = TextMetrics.width(label, LABEL_FONT);
            double top = centreY[i] - labelHeight / 2;
            double bottom = top + labelHeight;
            // The box's point nearest the centre vertically decides how far out it must start.
            double nearest = top <= 0 && bottom >= 0 ? 0 : Math.min(Math.abs(top), Math.abs(bottom));
            double offset = Math.sqrt(Math.max(0, ring * ring - nearest * nearest));
            boolean onRight = right.contains(i);
            double boxX = onRight ? cx + offset : cx - offset - labelWidth;
            double baseline = cy + top + TextMetrics.ASCENT * LABEL_FONT;
            Box box = new Box(boxX, cy + top, labelWidth, labelHeight);
            placed.add(new Placed(node, x, y, label, onRight ? boxX : boxX + labelWidth, baseline,
                    onRight ? "start" : "end", box));
        }

        // The legend: a grid of sample lines with their names under the graph.
        double legendTop = cy + halfHeight + PAD;
        double legendRow = TextMetrics.height(LEGEND_FONT) + 8;
        double sample = 34;
        double widest = 0;
        for (RelationshipType type : RelationshipType.values()) {
            widest = Math.max(widest, TextMetrics.width(type.label(locale), LEGEND_FONT));
        }
        double itemWidth = sample + 6 + widest + 16;
        int columns = Math.max(1, (int) Math.floor((width - 2 * PAD) / itemWidth));
        double firstRow = legendTop + legendRow;
        List<LegendItem> legend = new ArrayList<>();
        RelationshipType[] types = RelationshipType.values();
        for (int k = 0; k < types.length; k++) {
            double x = PAD + (k % columns) * itemWidth;
            double rowTop = firstRow + (k / columns) * legendRow;
            String label = types[k].label(locale);
            double textX = x + sample + 6;
            legend.add(new LegendItem(types[k], x, rowTop + TextMetrics.ASCENT * LEGEND_FONT, label,
                    new Box(textX, rowTop, TextMetrics.width(label, LEGEND_FONT), TextMetrics.height(LEGEND_FONT))));
        }
        int rows = (types.length + columns - 1) / columns;
        double height = firstRow + rows * legendRow + PAD;
        String legendTitle = TextMetrics.fit(texts.legendTitle(), LEGEND_FONT, width - 2 * PAD);
        Box titleBox = new Box(PAD, legendTop, TextMetrics.width(legendTitle, LEGEND_FONT), TextMetrics.height(LEGEND_FONT));
        return new Layout(width, height, cx, cy, radius, placed, legend, legendTop, titleBox);
    }

    public static String svg(List<Node> nodes, List<Edge> edges, Texts texts, String idPrefix) {
        Layout layout = layout(nodes, texts);
        Map<String, Placed> byId = new HashMap<>();
        layout.nodes().forEach(p -> byId.put(p.node().id(), p));
        List<Edge> drawn = edges.stream()
                .filter(e -> byId.containsKey(e.from()) && byId.containsKey(e.to()) && !e.from().equals(e.to()))
                .toList();
        Set<String> pairs = new LinkedHashSet<>();
        drawn.forEach(e -> pairs.add(e.from() + "\u0000" + e.to()));

        String titleId = idPrefix + "-title";
        String descId = idPrefix + "-desc";
        StringBuilder svg = new StringBuilder(4096 + 600 * drawn.size());
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"relationship-graph\" role=\"img\" viewBox=\"0 0 ")
                .append(num(layout.width())).append(' ').append(num(layout.height()))
                .append("\" width=\"").append(num(layout.width())).append("\" height=\"").append(num(layout.height()))
                .append("\" aria-labelledby=\"").append(titleId).append(' ').append(descId)
                .append("\" font-family=\"Helvetica, Arial, sans-serif\">");
        svg.append("<title id=\"").append(titleId).append("\">").append(xml(texts.title())).append("</title>");
        svg.append("<desc id=\"").append(descId).append("\">");
        if (nodes.isEmpty()) {
            svg.append(xml(texts.emptyText()));
        } else {
            svg.append(xml(String.format(texts.locale(), texts.summaryFormat(), nodes.size(), drawn.size())));
            for (Edge e : drawn) {
                svg.append(' ').append(xml(sentence(byId, e, texts.locale())));
            }
        }
        svg.append("</desc>");

        svg.append("<defs>");
        for (RelationshipType type : RelationshipType.values()) {
            svg.append("<marker id=\"").append(idPrefix).append("-arrow-").append(type.key())
                    .append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\">")
                    .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(type.colour()).append("\"/></marker>");
        }
        svg.append("</defs>");

        svg.append("<circle cx=\"").append(num(layout.cx())).append("\" cy=\"").append(num(layout.cy()))
                .append("\" r=\"").append(num(layout.radius())).append("\" fill=\"none\" stroke=\"#e5e7eb\" stroke-width=\"1\"/>");

        svg.append("<g class=\"edges\" fill=\"none\">");
        for (Edge e : drawn) {
            Placed a = byId.get(e.from());
            Placed b = byId.get(e.to());
            // Bend towards the centre; a pair drawn both ways bends by two depths so both show.
            boolean reverseExists = pairs.contains(e.to() + "\u0000" + e.from());
            double pull = reverseExists && e.from().compareTo(e.to()) > 0 ? 0.2 : 0.5;
            double mx = (a.x() + b.x()) / 2;
            double my = (a.y() + b.y()) / 2;
            double qx = layout.cx() + (mx - layout.cx()) * pull;
            double qy = layout.cy() + (my - layout.cy()) * pull;
            double[] start = towards(a.x(), a.y(), qx, qy, NODE_RADIUS + 1);
            double[] end = towards(b.x(), b.y(), qx, qy, NODE_RADIUS + 3);
            RelationshipType type = e.type();
            svg.append("<path class=\"edge edge-").append(type.key()).append("\" d=\"M").append(num(start[0])).append(',').append(num(start[1]))
                    .append(" Q").append(num(qx)).append(',').append(num(qy)).append(' ').append(num(end[0])).append(',').append(num(end[1]))
                    .append("\" stroke=\"").append(type.colour()).append("\" stroke-width=\"").append(num(type.width())).append('"');
            if (type.dash() != null) {
                svg.append(" stroke-dasharray=\"").append(type.dash()).append('"');
            }
            svg.append(" marker-end=\"url(#").append(idPrefix).append("-arrow-").append(type.key()).append(")\">")
                    .append("<title>").append(xml(sentence(byId, e, texts.locale()))).append("</title></path>");
        }
        svg.append("</g>");

        svg.append("<g class=\"nodes\">");
        for (Placed p : layout.nodes()) {
            boolean link = p.node().href() != null;
            if (link) {
                svg.append("<a href=\"").append(xml(p.node().href())).append("\">");
            }
            svg.append("<g class=\"node\"><title>").append(xml(p.node().name())).append("</title>");
            // A faint leader from the character to its label, which the sweep may have moved.
            double lx = p.anchor().equals("start") ? p.labelBox().x() : p.labelBox().x() + p.labelBox().width();
            double ly = p.labelBox().y() + p.labelBox().height() / 2;
            double[] from = towards(p.x(), p.y(), lx, ly, NODE_RADIUS);
            svg.append("<line x1=\"").append(num(from[0])).append("\" y1=\"").append(num(from[1]))
                    .append("\" x2=\"").append(num(lx)).append("\" y2=\"").append(num(ly))
                    .append("\" stroke=\"#9ca3af\" stroke-width=\"0.75\"/>");
            svg.append("<circle cx=\"").append(num(p.x())).append("\" cy=\"").append(num(p.y())).append("\" r=\"")
                    .append(num(NODE_RADIUS)).append("\" fill=\"").append(fill(p.node().name()))
                    .append("\" stroke=\"#1f2937\" stroke-width=\"1.5\"/>");
            svg.append("<text x=\"").append(num(p.x())).append("\" y=\"").append(num(p.y() + 0.35 * INITIALS_FONT))
                    .append("\" font-size=\"").append(num(INITIALS_FONT)).append("\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#111827\" aria-hidden=\"true\">")
                    .append(xml(initials(p.node().name()))).append("</text>");
            svg.append("<text class=\"label\" x=\"").append(num(p.labelX())).append("\" y=\"").append(num(p.baseline()))
                    .append("\" font-size=\"").append(num(LABEL_FONT)).append("\" text-anchor=\"").append(p.anchor())
                    .append("\" fill=\"#111827\">").append(xml(p.label())).append("</text>");
            svg.append("</g>");
            if (link) {
                svg.append("</a>");
            }
        }
        svg.append("</g>");

        svg.append("<g class=\"legend\"><text class=\"legend-title\" x=\"").append(num(PAD)).append("\" y=\"")
                .append(num(layout.legendTop() + TextMetrics.ASCENT * LEGEND_FONT)).append("\" font-size=\"")
                .append(num(LEGEND_FONT)).append("\" font-weight=\"bold\" fill=\"#111827\">")
                .append(xml(TextMetrics.fit(texts.legendTitle(), LEGEND_FONT, layout.width() - 2 * PAD))).append("</text>");
        for (LegendItem item : layout.legend()) {
            RelationshipType type = item.type();
            double lineY = item.box().y() + item.box().height() / 2;
            svg.append("<line x1=\"").append(num(item.x())).append("\" y1=\"").append(num(lineY)).append("\" x2=\"")
                    .append(num(item.x() + 30)).append("\" y2=\"").append(num(lineY)).append("\" stroke=\"").append(type.colour())
                    .append("\" stroke-width=\"").append(num(type.width())).append('"');
            if (type.dash() != null) {
                svg.append(" stroke-dasharray=\"").append(type.dash()).append('"');
            }
            svg.append("/><text x=\"").append(num(item.box().x())).append("\" y=\"").append(num(item.baseline()))
                    .append("\" font-size=\"").append(num(LEGEND_FONT)).append("\" fill=\"#111827\">")
                    .append(xml(item.label())).append("</text>");
        }
        svg.append("</g></svg>");
        return svg.toString();
    }

    private static String sentence(Map<String, Placed> byId, Edge e, Locale locale) {
        String text = byId.get(e.from()).node().name() + " → " + byId.get(e.to()).node().name() + ": " + e.type().label(locale);
        return e.description() == null || e.description().isBlank() ? text : text + " (" + e.description().strip() + ")";
    }

    /** The point {@code distance} from (x, y) in the direction of (tx, ty). */
    private static double[] towards(double x, double y, double tx, double ty, double distance) {
        double dx = tx - x;
        double dy = ty - y;
        double length = Math.hypot(dx, dy);
        if (length < 1e-9) {
            return new double[] {x, y};
        }
        return new double[] {x + dx / length * distance, y + dy / length * distance};
    }

    static String initials(String name) {
        StringBuilder out = new StringBuilder(2);
        for (String word : name.strip().split("\\s+")) {
            if (!word.isEmpty() && out.length() < 2) {
                out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return out.toString();
    }

    /** A light fill picked from the name, so a character keeps its colour between visits. */
    private static String fill(String name) {
        String[] fills = {"#fde68a", "#bbf7d0", "#bfdbfe", "#fbcfe8", "#ddd6fe", "#fed7aa", "#a5f3fc", "#e5e7eb"};
        return fills[Math.floorMod(name.hashCode(), fills.length)];
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // XML 1.0 forbids most control characters even escaped; drop them.
                    if (cp >= 0x20 || cp == '\t' || cp == '\n' || cp == '\r') {
                        if (cp < 0xFFFE && !(cp >= 0xD800 && cp <= 0xDFFF) || cp > 0xFFFF) {
                            out.appendCodePoint(cp);
                        }
                    }
                }
            }
        }
        return out.toString();
    }
}

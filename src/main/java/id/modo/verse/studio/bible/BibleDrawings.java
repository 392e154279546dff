package id.modo.verse.studio.bible;

import id.modo.verse.studio.character.RelationshipGraph;
import id.modo.verse.studio.story.StoryPageModels.BeatCard;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The bible's two drawings, the tension curve and the relationship graph, as PNG pictures. The pages show them as
 * inline SVG, but openhtmltopdf draws no SVG without Batik (megabytes of dependencies for two pictures), so they are
 * drawn here with Java2D at twice their size, from the same layout the pages use, in the PDF's own Noto Sans.
 */
final class BibleDrawings {

    private static final int SCALE = 2;
    private static final Font SANS;
    private static final Font SANS_BOLD;

    static {
        SANS = font("/fonts/NotoSans-Regular.ttf");
        SANS_BOLD = font("/fonts/NotoSans-Bold.ttf");
    }

    private BibleDrawings() {
    }

    /** The tension curve: a point per beat at its level (hollow when unrated), the rated ones joined, the beats' numbers under it. */
    static String curve(List<BeatCard> beats, double[] levels) {
        int width = 640;
        int height = 200;
        int pad = 28;
        return png(width, height, g -> {
            g.setColor(new Color(0xe5e7eb));
            g.setStroke(new BasicStroke(1f));
            for (int level = 1; level <= 3; level++) {
                double y = curveY(level, height, pad);
                g.draw(new Line2D.Double(pad, y, width - pad, y));
            }
            Path2D.Double line = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < beats.size(); i++) {
                if (beats.get(i).intensity() != null) {
                    double x = curveX(i, beats.size(), width, pad);
                    double y = curveY(levels[i], height, pad);
                    if (started) {
                        line.lineTo(x, y);
                    } else {
                        line.moveTo(x, y);
                        started = true;
                    }
                }
            }
            g.setColor(new Color(0x6b3fd4));
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            g.setFont(SANS.deriveFont(10f));
            for (int i = 0; i < beats.size(); i++) {
                double x = curveX(i, beats.size(), width, pad);
                double y = curveY(levels[i], height, pad);
                Ellipse2D.Double dot = new Ellipse2D.Double(x - 6, y - 6, 12, 12);
                g.setColor(beats.get(i).intensity() == null ? Color.WHITE : new Color(0x6b3fd4));
                g.fill(dot);
                g.setColor(new Color(0x6b3fd4));
                g.setStroke(new BasicStroke(2f));
                g.draw(dot);
                g.setColor(new Color(0x4b5563));
                String number = String.valueOf(i + 1);
                g.drawString(number, (float) (x - g.getFontMetrics().stringWidth(number) / 2.0), height - 6f);
            }
        });
    }

    private static double curveX(int i, int count, int width, int pad) {
        return count == 1 ? width / 2.0 : pad + (width - 2.0 * pad) * i / (count - 1);
    }

    private static double curveY(double level, int height, int pad) {
        return height - pad - (height - 2.0 * pad - 8) * (level - 1) / 2;
    }

    /** The relationship graph laid out as on the pages: characters on a ring, arrows coloured by type, the legend below. */
    static String graph(List<RelationshipGraph.Node> nodes, List<RelationshipGraph.Edge> edges, RelationshipGraph.Texts texts) {
        RelationshipGraph.Layout layout = RelationshipGraph.layout(nodes, texts);
        Map<String, RelationshipGraph.Placed> byId = new HashMap<>();
        layout.nodes().forEach(p -> byId.put(p.node().id(), p));
        return png((int) Math.ceil(layout.width()), (int) Math.ceil(layout.height()), g -> {
            g.setColor(new Color(0xe5e7eb));
            g.draw(new Ellipse2D.Double(layout.cx() - layout.radius(), layout.cy() - layout.radius(), 2 * layout.radius(), 2 * layout.radius()));
            for (RelationshipGraph.Edge e : edges) {
                RelationshipGraph.Placed a = byId.get(e.from());
                RelationshipGraph.Placed b = byId.get(e.to());
                if (a == null || b == null || a == b) {
                    continue;
                }
                double qx = layout.cx() + ((a.x() + b.x()) / 2 - layout.cx()) * 0.5;
                double qy = layout.cy() + ((a.y() + b.y()) / 2 - layout.cy()) * 0.5;
                double[] end = towards(b.x(), b.y(), qx, qy, 23);
                g.setColor(Color.decode(e.type().colour()));
                g.setStroke(stroke(e.type().width(), e.type().dash()));
                g.draw(new QuadCurve2D.Double(a.x(), a.y(), qx, qy, end[0], end[1]));
                double angle = Math.atan2(end[1] - qy, end[0] - qx);
                Path2D.Double head = new Path2D.Double();
                head.moveTo(end[0], end[1]);
                head.lineTo(end[0] - 9 * Math.cos(angle - 0.45), end[1] - 9 * Math.sin(angle - 0.45));
                head.lineTo(end[0] - 9 * Math.cos(angle + 0.45), end[1] - 9 * Math.sin(angle + 0.45));
                head.closePath();
                g.fill(head);
            }
            for (RelationshipGraph.Placed p : layout.nodes()) {
                Ellipse2D.Double circle = new Ellipse2D.Double(p.x() - 20, p.y() - 20, 40, 40);
                g.setColor(new Color(0xddd6fe));
                g.fill(circle);
                g.setColor(new Color(0x1f2937));
                g.setStroke(new BasicStroke(1.5f));
                g.draw(circle);
                g.setFont(SANS_BOLD.deriveFont(12f));
                String initials = initials(p.node().name());
                g.drawString(initials, (float) (p.x() - g.getFontMetrics().stringWidth(initials) / 2.0), (float) (p.y() + 4.2));
                g.setFont(SANS.deriveFont(13f));
                int labelWidth = g.getFontMetrics().stringWidth(p.label());
                float x = (float) ("start".equals(p.anchor()) ? p.labelX() : p.labelX() - labelWidth);
                g.drawString(p.label(), x, (float) p.baseline());
            }
            g.setFont(SANS_BOLD.deriveFont(12f));
            g.setColor(new Color(0x111827));
            g.drawString(texts.legendTitle(), 12f, (float) (layout.legendTitleBox().y() + 11));
            g.setFont(SANS.deriveFont(12f));
            for (RelationshipGraph.LegendItem item : layout.legend()) {
                double y = item.box().y() + item.box().height() / 2;
                g.setColor(Color.decode(item.type().colour()));
                g.setStroke(stroke(item.type().width(), item.type().dash()));
                g.draw(new Line2D.Double(item.x(), y, item.x() + 30, y));
                g.setColor(new Color(0x111827));
                g.drawString(item.label(), (float) item.box().x(), (float) item.baseline());
            }
        });
    }

    private static BasicStroke stroke(double width, String dash) {
        if (dash == null) {
            return new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        }
        String[] parts = dash.trim().split("[ ,]+");
        float[] pattern = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            pattern[i] = Float.parseFloat(parts[i]);
        }
        return new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    private static double[] towards(double x, double y, double tx, double ty, double distance) {
        double length = Math.hypot(tx - x, ty - y);
        return length < 1e-9 ? new double[] {x, y} : new double[] {x + (tx - x) / length * distance, y + (ty - y) / length * distance};
    }

    private static String initials(String name) {
        StringBuilder out = new StringBuilder(2);
        for (String word : name.strip().split("\\s+")) {
            if (!word.isEmpty() && out.length() < 2) {
                out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return out.toString();
    }

    private interface Drawing {
        void draw(Graphics2D g);
    }

    /** Draws at twice the size on white and answers a {@code data:} URI, which openhtmltopdf embeds as it is. */
    private static String png(int width, int height, Drawing drawing) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            drawing.draw(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static Font font(String resource) {
        try (InputStream in = BibleDrawings.class.getResourceAsStream(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("unreadable font " + resource, e);
        }
    }
}

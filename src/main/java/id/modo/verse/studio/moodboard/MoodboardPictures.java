package id.modo.verse.studio.moodboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The demo moodboard's pictures, drawn with Java2D at seed time so a new install has real ones without any AI provider:
 * the river fable's scene for each beat (the sleeping mouse-deer, the dry orchard, the crocodiles' bridge, the leap),
 * in the project's palette, with the beat's title on a caption bar. Each beat's sky, ground and figures differ, so the
 * grid, the animatic and the bible show a story, not swatches.
 */
final class MoodboardPictures {

    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    private static final int WATER_TOP = 330;

    /** The palette a picture is drawn in: sky, jungle, river, earth and fruit. */
    record Palette(Color sky, Color jungle, Color river, Color earth, Color fruit) {
    }

    /** Where the sun stands and how it lights the scene: the story's time of day for the beat. */
    private enum Light { DAWN, NOON, DUSK, NIGHT, STORM }

    private MoodboardPictures() {
    }

    static byte[] png(String beatKey, String title, String caption, Palette palette) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            switch (beatKey) {
                case "opening_image" -> opening(g, palette);
                case "catalyst" -> drought(g, palette);
                case "break_into_two" -> decision(g, palette);
                case "midpoint" -> bridge(g, palette);
                case "all_is_lost" -> jaws(g, palette);
                case "finale" -> leap(g, palette);
                default -> riverside(g, palette, Math.floorMod(beatKey.hashCode(), 3) == 0 ? Light.DUSK : Light.NOON);
            }
            captionBar(g, title, caption);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // Scenes

    private static void opening(Graphics2D g, Palette p) {
        sky(g, p, Light.NIGHT);
        moon(g, 780, 90);
        ground(g, p, p.jungle().darker(), false);
        river(g, p, Light.NIGHT);
        tree(g, p, 250, WATER_TOP - 10, 1.3, true);
        mouseDeer(g, p, 330, WATER_TOP - 20, 1.0, true, false);
        // Dream bubble: the ripe fruit he dreams of.
        g.setColor(new Color(255, 255, 255, 200));
        g.fill(new Ellipse2D.Double(380, 130, 150, 100));
        g.fill(new Ellipse2D.Double(360, 235, 22, 22));
        g.fill(new Ellipse2D.Double(345, 262, 12, 12));
        for (int i = 0; i < 5; i++) {
            fruit(g, p, 415 + i * 20, 165 + (i % 2) * 22);
        }
    }

    private static void drought(Graphics2D g, Palette p) {
        sky(g, p, Light.NOON);
        sun(g, 760, 100, 70, new Color(255, 236, 170));
        Color dry = blend(p.earth(), new Color(214, 170, 110), 0.5);
        g.setPaint(new GradientPaint(0, WATER_TOP - 60, dry, 0, HEIGHT, dry.darker()));
        g.fillRect(0, WATER_TOP - 60, WIDTH, HEIGHT);
        // Cracks in the mud.
        g.setColor(dry.darker().darker());
        g.setStroke(new BasicStroke(3f));
        java.util.Random cracks = new java.util.Random(7);
        for (int i = 0; i < 26; i++) {
            int x = cracks.nextInt(WIDTH);
            int y = WATER_TOP - 40 + cracks.nextInt(HEIGHT - WATER_TOP);
            Path2D crack = new Path2D.Double();
            crack.moveTo(x, y);
            for (int s = 0; s < 3; s++) {
                x += cracks.nextInt(60) - 30;
                y += cracks.nextInt(30) - 10;
                crack.lineTo(x, y);
            }
            g.draw(crack);
        }
        bareTree(g, p, 620, WATER_TOP - 40);
        mouseDeer(g, p, 280, WATER_TOP + 40, 1.1, false, false);
        // Fallen, dried fruit.
        g.setColor(p.fruit().darker().darker());
        for (int i = 0; i < 4; i++) {
            g.fill(new Ellipse2D.Double(560 + i * 38, WATER_TOP + 20 + (i % 2) * 10, 14, 12));
        }
    }

    private static void decision(Graphics2D g, Palette p) {
        sky(g, p, Light.DAWN);
        sun(g, 140, 160, 55, new Color(255, 210, 150));
        ground(g, p, p.jungle(), true);
        river(g, p, Light.DAWN);
        tree(g, p, 800, WATER_TOP - 70, 1.1, true);
        tree(g, p, 690, WATER_TOP - 80, 0.8, true);
        // Eyes of the crocodiles just above the water.
        for (int i = 0; i < 4; i++) {
            eyes(g, 330 + i * 110, WATER_TOP + 60 + (i % 2) * 40, p.jungle().darker());
        }
        mouseDeer(g, p, 160, HEIGHT - 110, 1.2, false, false);
    }

    private static void bridge(Graphics2D g, Palette p) {
        sky(g, p, Light.NOON);
        sun(g, 820, 90, 50, new Color(255, 244, 200));
        ground(g, p, p.jungle(), true);
        river(g, p, Light.NOON);
        for (int i = 0; i < 6; i++) {
            crocodile(g, p, 110 + i * 125, WATER_TOP + 85 + (i % 2) * 18, 0.8);
        }
        mouseDeer(g, p, 250, WATER_TOP + 42, 0.8, false, false);
        // Counting marks floating over the backs.
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.setColor(Color.WHITE);
        for (int i = 0; i < 6; i++) {
            g.drawString(Integer.toString(i + 1), 140 + i * 125, WATER_TOP + 40);
        }
    }

    private static void jaws(Graphics2D g, Palette p) {
        sky(g, p, Light.STORM);
        ground(g, p, p.jungle().darker(), true);
        river(g, p, Light.STORM);
        // Rain.
        g.setColor(new Color(220, 230, 255, 90));
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < 90; i++) {
            int x = (i * 97) % WIDTH;
            int y = (i * 53) % (HEIGHT - 80);
            g.drawLine(x, y, x - 8, y + 24);
        }
        Color croc = blend(p.jungle(), Color.DARK_GRAY, 0.4);
        // The old crocodile's open jaws fill the right of the frame.
        Path2D upper = new Path2D.Double();
        upper.moveTo(980, 240);
        upper.curveTo(820, 150, 640, 170, 500, 250);
        upper.lineTo(980, 300);
        upper.closePath();
        Path2D lower = new Path2D.Double();
        lower.moveTo(980, 330);
        lower.lineTo(520, 300);
        lower.curveTo(640, 420, 820, 430, 980, 410);
        lower.closePath();
        g.setColor(new Color(150, 40, 40));
        g.fillRect(560, 255, 420, 70);
        g.setColor(croc);
        g.fill(upper);
        g.fill(lower);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 8; i++) {
            int x = 540 + i * 48;
            g.fillPolygon(new int[] {x, x + 14, x + 28}, new int[] {255 + i * 3, 282, 257 + i * 3}, 3);
            g.fillPolygon(new int[] {x + 10, x + 24, x + 38}, new int[] {300, 276, 302}, 3);
        }
        g.setColor(new Color(255, 210, 60));
        g.fill(new Ellipse2D.Double(760, 185, 28, 22));
        g.setColor(Color.BLACK);
        g.fill(new Ellipse2D.Double(772, 188, 8, 16));
        mouseDeer(g, p, 260, WATER_TOP + 50, 1.0, false, true);
    }

    private static void leap(Graphics2D g, Palette p) {
        sky(g, p, Light.DUSK);
        sun(g, 700, 170, 80, new Color(255, 190, 120));
        ground(g, p, p.jungle(), true);
        river(g, p, Light.DUSK);
        crocodile(g, p, 240, WATER_TOP + 95, 0.9);
        crocodile(g, p, 420, WATER_TOP + 110, 0.9);
        tree(g, p, 820, WATER_TOP - 60, 1.3, true);
        // The arc of the jump, then Kancil in the air over the last back.
        g.setColor(new Color(255, 255, 255, 160));
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {12f, 12f}, 0f));
        Path2D arc = new Path2D.Double();
        arc.moveTo(420, WATER_TOP + 70);
        arc.quadTo(560, 120, 700, WATER_TOP - 40);
        g.draw(arc);
        g.setStroke(new BasicStroke(1f));
        mouseDeer(g, p, 560, 200, 1.0, false, false);
    }

    private static void riverside(Graphics2D g, Palette p, Light light) {
        sky(g, p, light);
        sun(g, 180, 120, 50, new Color(255, 230, 170));
        ground(g, p, p.jungle(), true);
        river(g, p, light);
        tree(g, p, 160, WATER_TOP - 40, 1.0, false);
        tree(g, p, 780, WATER_TOP - 70, 1.2, true);
    }

    // Parts of a scene

    private static void sky(Graphics2D g, Palette p, Light light) {
        Color top;
        Color bottom;
        switch (light) {
            case NIGHT -> {
                top = new Color(16, 22, 56);
                bottom = blend(p.sky(), new Color(40, 50, 100), 0.7);
            }
            case DAWN -> {
                top = blend(p.sky(), new Color(120, 140, 200), 0.4);
                bottom = new Color(255, 196, 150);
            }
            case DUSK -> {
                top = new Color(110, 70, 140);
                bottom = new Color(255, 150, 90);
            }
            case STORM -> {
                top = new Color(50, 55, 66);
                bottom = new Color(110, 115, 125);
            }
            default -> {
                top = p.sky();
                bottom = blend(p.sky(), Color.WHITE, 0.6);
            }
        }
        g.setPaint(new GradientPaint(0, 0, top, 0, WATER_TOP, bottom));
        g.fillRect(0, 0, WIDTH, WATER_TOP);
        if (light == Light.NIGHT) {
            g.setColor(new Color(255, 255, 255, 200));
            java.util.Random stars = new java.util.Random(3);
            for (int i = 0; i < 60; i++) {
                int r = 1 + stars.nextInt(3);
                g.fillOval(stars.nextInt(WIDTH), stars.nextInt(WATER_TOP - 60), r, r);
            }
        }
    }

    private static void sun(Graphics2D g, int x, int y, int r, Color color) {
        g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
        g.fill(new Ellipse2D.Double(x - r * 1.6, y - r * 1.6, r * 3.2, r * 3.2));
        g.setColor(color);
        g.fill(new Ellipse2D.Double(x - r, y - r, r * 2, r * 2));
    }

    private static void moon(Graphics2D g, int x, int y) {
        g.setColor(new Color(250, 245, 220));
        g.fill(new Ellipse2D.Double(x - 40, y - 40, 80, 80));
        g.setColor(new Color(16, 22, 56));
        g.fill(new Ellipse2D.Double(x - 22, y - 48, 80, 80));
    }

    /** The banks: near (bottom-left) and, when {@code farBank}, the far one across the river with its forest line. */
    private static void ground(Graphics2D g, Palette p, Color jungle, boolean farBank) {
        g.setColor(jungle.darker());
        for (int x = -40; x < WIDTH + 40; x += 70) {
            g.fill(new Ellipse2D.Double(x, WATER_TOP - 80 - (x * 37 % 40), 120, 110));
        }
        g.setColor(jungle);
        g.fillRect(0, WATER_TOP - 30, WIDTH, 40);
        if (farBank) {
            g.setColor(blend(p.earth(), jungle, 0.3));
            g.fillRect(0, WATER_TOP - 6, WIDTH, 14);
        }
    }

    private static void river(Graphics2D g, Palette p, Light light) {
        Color water = light == Light.NIGHT || light == Light.STORM ? p.river().darker() : p.river();
        g.setPaint(new GradientPaint(0, WATER_TOP, water, 0, HEIGHT, water.darker()));
        g.fillRect(0, WATER_TOP + 8, WIDTH, HEIGHT - WATER_TOP);
        g.setColor(new Color(255, 255, 255, 50));
        g.setStroke(new BasicStroke(3f));
        for (int i = 0; i < 14; i++) {
            int x = (i * 173) % WIDTH;
            int y = WATER_TOP + 30 + (i * 41) % (HEIGHT - WATER_TOP - 60);
            g.drawLine(x, y, x + 60, y);
        }
        // The near bank in the bottom-left corner, where the story starts.
        g.setColor(p.earth());
        Path2D bank = new Path2D.Double();
        bank.moveTo(0, HEIGHT - 150);
        bank.curveTo(160, HEIGHT - 170, 260, HEIGHT - 80, 360, HEIGHT);
        bank.lineTo(0, HEIGHT);
        bank.closePath();
        g.fill(bank);
        g.setStroke(new BasicStroke(1f));
    }

    private static void tree(Graphics2D g, Palette p, int x, int baseY, double scale, boolean withFruit) {
        int trunkW = (int) (26 * scale);
        int trunkH = (int) (130 * scale);
        g.setColor(blend(p.earth(), Color.BLACK, 0.35));
        g.fillRect(x - trunkW / 2, baseY - trunkH, trunkW, trunkH);
        g.setColor(blend(p.jungle(), Color.WHITE, 0.1));
        int r = (int) (70 * scale);
        int[][] blobs = {{-60, -40}, {0, -70}, {60, -40}, {-30, -5}, {30, -5}};
        for (int[] b : blobs) {
            g.fill(new Ellipse2D.Double(x + b[0] * scale - r, baseY - trunkH + b[1] * scale - r, r * 2, r * 2));
        }
        if (withFruit) {
            for (int i = 0; i < 9; i++) {
                fruit(g, p, (int) (x + ((i * 47) % 140 - 70) * scale), (int) (baseY - trunkH - 60 * scale + ((i * 31) % 90) * scale));
            }
        }
    }

    private static void bareTree(Graphics2D g, Palette p, int x, int baseY) {
        g.setColor(blend(p.earth(), Color.BLACK, 0.45));
        g.setStroke(new BasicStroke(14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(x, baseY, x, baseY - 190);
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(x, baseY - 120, x - 80, baseY - 200);
        g.drawLine(x, baseY - 150, x + 70, baseY - 230);
        g.drawLine(x - 40, baseY - 160, x - 60, baseY - 230);
        g.drawLine(x + 35, baseY - 190, x + 100, baseY - 200);
        g.setStroke(new BasicStroke(1f));
    }

    /** A rambutan: red with its hairy spikes. */
    private static void fruit(Graphics2D g, Palette p, int x, int y) {
        g.setColor(p.fruit());
        g.fill(new Ellipse2D.Double(x - 9, y - 9, 18, 18));
        g.setColor(p.fruit().darker());
        for (int a = 0; a < 360; a += 45) {
            double rad = Math.toRadians(a);
            g.drawLine((int) (x + Math.cos(rad) * 9), (int) (y + Math.sin(rad) * 9), (int) (x + Math.cos(rad) * 13),
                    (int) (y + Math.sin(rad) * 13));
        }
    }

    /** Kancil, the mouse-deer: standing, lying asleep, or startled (ears back, legs braced). */
    private static void mouseDeer(Graphics2D g, Palette p, int x, int y, double s, boolean asleep, boolean startled) {
        Color coat = new Color(176, 112, 58);
        Color belly = new Color(236, 206, 160);
        if (asleep) {
            g.setColor(coat);
            g.fill(new Ellipse2D.Double(x - 60 * s, y - 30 * s, 120 * s, 50 * s));
            g.fill(new Ellipse2D.Double(x + 35 * s, y - 30 * s, 40 * s, 32 * s));
            g.setColor(belly);
            g.fill(new Ellipse2D.Double(x - 40 * s, y, 80 * s, 16 * s));
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2f));
            g.drawArc((int) (x + 52 * s), (int) (y - 20 * s), (int) (10 * s), (int) (6 * s), 180, 180);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (26 * s)));
            g.setColor(Color.WHITE);
            g.drawString("z", (int) (x + 80 * s), (int) (y - 40 * s));
            g.drawString("Z", (int) (x + 100 * s), (int) (y - 70 * s));
            g.setStroke(new BasicStroke(1f));
            return;
        }
        g.setColor(coat.darker());
        g.setStroke(new BasicStroke((float) (6 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double spread = startled ? 18 : 10;
        g.drawLine((int) (x - 35 * s), (int) (y), (int) (x - (35 + spread) * s), (int) (y + 45 * s));
        g.drawLine((int) (x - 20 * s), (int) (y), (int) (x - 20 * s), (int) (y + 45 * s));
        g.drawLine((int) (x + 25 * s), (int) (y), (int) (x + 25 * s), (int) (y + 45 * s));
        g.drawLine((int) (x + 38 * s), (int) (y), (int) (x + (38 + spread) * s), (int) (y + 45 * s));
        g.setStroke(new BasicStroke(1f));
        g.setColor(coat);
        g.fill(new Ellipse2D.Double(x - 55 * s, y - 35 * s, 110 * s, 50 * s));
        g.fill(new Ellipse2D.Double(x + 30 * s, y - 75 * s, 22 * s, 50 * s));
        g.fill(new Ellipse2D.Double(x + 35 * s, y - 95 * s, 48 * s, 34 * s));
        g.setColor(belly);
        g.fill(new Ellipse2D.Double(x - 35 * s, y - 5 * s, 70 * s, 16 * s));
        // Ears up, or laid back when startled.
        g.setColor(coat.darker());
        if (startled) {
            g.fill(new Ellipse2D.Double(x + 20 * s, y - 100 * s, 30 * s, 12 * s));
        } else {
            g.fill(new Ellipse2D.Double(x + 40 * s, y - 118 * s, 12 * s, 28 * s));
            g.fill(new Ellipse2D.Double(x + 52 * s, y - 116 * s, 12 * s, 26 * s));
        }
        g.setColor(Color.BLACK);
        g.fill(new Ellipse2D.Double(x + 62 * s, y - 86 * s, 7 * s, startled ? 9 * s : 7 * s));
        g.fill(new Ellipse2D.Double(x + 78 * s, y - 76 * s, 6 * s, 5 * s));
    }

    private static void crocodile(Graphics2D g, Palette p, int x, int y, double s) {
        Color skin = blend(p.jungle(), new Color(60, 80, 40), 0.5);
        g.setColor(skin);
        g.fill(new RoundRectangle2D.Double(x - 60 * s, y - 14 * s, 120 * s, 28 * s, 26 * s, 26 * s));
        g.fill(new RoundRectangle2D.Double(x + 45 * s, y - 9 * s, 50 * s, 16 * s, 12 * s, 12 * s));
        g.setColor(skin.darker());
        for (int i = 0; i < 6; i++) {
            int rx = (int) (x - 45 * s + i * 18 * s);
            g.fillPolygon(new int[] {rx, (int) (rx + 7 * s), (int) (rx + 14 * s)}, new int[] {(int) (y - 12 * s), (int) (y - 24 * s),
                    (int) (y - 12 * s)}, 3);
        }
        eyes(g, (int) (x + 55 * s), (int) (y - 12 * s), skin.darker());
    }

    private static void eyes(Graphics2D g, int x, int y, Color skin) {
        g.setColor(skin);
        g.fill(new Ellipse2D.Double(x - 14, y - 8, 14, 12));
        g.fill(new Ellipse2D.Double(x + 2, y - 8, 14, 12));
        g.setColor(new Color(255, 214, 64));
        g.fill(new Ellipse2D.Double(x - 11, y - 6, 8, 7));
        g.fill(new Ellipse2D.Double(x + 5, y - 6, 8, 7));
    }

    private static void captionBar(Graphics2D g, String title, String caption) {
        g.setColor(new Color(0, 0, 0, 150));
        g.fillRect(0, HEIGHT - 78, WIDTH, 78);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
        g.drawString(title, 28, HEIGHT - 42);
        if (caption != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
            g.setColor(new Color(235, 235, 235));
            g.drawString(fit(g, caption, WIDTH - 56), 28, HEIGHT - 16);
        }
    }

    private static String fit(Graphics2D g, String text, int width) {
        if (g.getFontMetrics().stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && g.getFontMetrics().stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }

    static Color blend(Color a, Color b, double t) {
        return new Color((int) (a.getRed() * (1 - t) + b.getRed() * t), (int) (a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) (a.getBlue() * (1 - t) + b.getBlue() * t));
    }
}

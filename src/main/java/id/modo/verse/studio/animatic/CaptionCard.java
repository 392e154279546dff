package id.modo.verse.studio.animatic;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A beat's title and text drawn as a transparent PNG the size of the video, which ffmpeg lays over the pictures. Drawn
 * here with Java2D rather than by ffmpeg's {@code drawtext}, which needs a font file path: Java finds the system's
 * fonts by itself, and both the bundled ffmpeg and Debian's then render the same captions.
 */
final class CaptionCard {

    static final int MAX_TEXT_LINES = 3;

    private CaptionCard() {
    }

    static void write(String title, String text, int width, int height, Path png) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int margin = width / 24;
            Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, height / 20);
            Font textFont = new Font(Font.SANS_SERIF, Font.PLAIN, height / 28);
            FontMetrics titleMetrics = g.getFontMetrics(titleFont);
            FontMetrics textMetrics = g.getFontMetrics(textFont);
            List<String> lines = wrap(text == null ? "" : text.strip(), textMetrics, width - 2 * margin);
            int block = titleMetrics.getHeight() + lines.size() * textMetrics.getHeight();
            int top = height - margin - block;
            // a dark band fading in behind the words keeps them readable on any picture
            g.setPaint(new GradientPaint(0, top - margin, new Color(0, 0, 0, 0), 0, top, new Color(0, 0, 0, 170)));
            g.fillRect(0, top - margin, width, height - top + margin);
            int y = top + titleMetrics.getAscent();
            draw(g, title == null ? "" : title.strip(), titleFont, margin, y);
            y += titleMetrics.getDescent();
            for (String line : lines) {
                y += textMetrics.getAscent();
                draw(g, line, textFont, margin, y);
                y += textMetrics.getDescent() + textMetrics.getLeading();
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void draw(Graphics2D g, String line, Font font, int x, int y) {
        g.setFont(font);
        g.setColor(new Color(0, 0, 0, 200));
        g.drawString(line, x + 2, y + 2);
        g.setColor(Color.WHITE);
        g.drawString(line, x, y);
    }

    /** Words in lines that fit {@code width}, at most {@link #MAX_TEXT_LINES}; the last ends with an ellipsis when text was left out. */
    static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            String tried = line.isEmpty() ? word : line + " " + word;
            if (metrics.stringWidth(tried) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(tried);
                continue;
            }
            lines.add(line.toString());
            line.setLength(0);
            line.append(word);
            if (lines.size() == MAX_TEXT_LINES) {
                String last = lines.removeLast();
                while (!last.isEmpty() && metrics.stringWidth(last + "…") > width) {
                    last = last.substring(0, last.length() - 1);
                }
                lines.add(last.strip() + "…");
                return lines;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}

package id.modo.verse.studio.script;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF read back into positioned pieces of text: every glyph PDFBox extracts, grouped by page and
 * baseline, cut where a gap wider than two characters separates them (dual dialogue's columns,
 * a scene number beside its heading).
 */
final class PdfLines extends PDFTextStripper {

    /** Text at a place: page from 1, x of its first glyph from the left edge, y from the top. */
    record Piece(int page, float x, float right, float y, String text, String font) {}

    private final List<Glyph> glyphs = new ArrayList<>();

    private record Glyph(int page, float x, float width, float y, String text, String font) {}

    private PdfLines() {
        setSortByPosition(true);
    }

    static List<Piece> read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PdfLines reader = new PdfLines();
            reader.getText(document);
            return reader.pieces();
        }
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        glyphs.add(new Glyph(getCurrentPageNo(), text.getXDirAdj(), text.getWidthDirAdj(),
                text.getYDirAdj(), text.getUnicode(), text.getFont().getName()));
    }

    private List<Piece> pieces() {
        Map<String, List<Glyph>> byLine = new TreeMap<>();
        for (Glyph g : glyphs) {
            byLine.computeIfAbsent(String.format("%05d/%09.2f", g.page(), g.y()), k -> new ArrayList<>()).add(g);
        }
        List<Piece> pieces = new ArrayList<>();
        for (List<Glyph> line : byLine.values()) {
            line.sort(Comparator.comparingDouble(Glyph::x));
            StringBuilder text = new StringBuilder();
            Glyph first = null;
            Glyph last = null;
            for (Glyph g : line) {
                if (last != null && g.x() - (last.x() + last.width()) > 2 * ScreenplayLayout.CHAR) {
                    pieces.add(piece(first, last, text));
                    text.setLength(0);
                    first = null;
                } else if (last != null && g.x() - (last.x() + last.width()) > 0.5f) {
                    text.append(" ".repeat(Math.round((g.x() - (last.x() + last.width())) / ScreenplayLayout.CHAR)));
                }
                if (first == null) {
                    first = g;
                }
                text.append(g.text());
                last = g;
            }
            pieces.add(piece(first, last, text));
        }
        return pieces;
    }

    private static Piece piece(Glyph first, Glyph last, StringBuilder text) {
        return new Piece(first.page(), first.x(), last.x() + last.width(), first.y(), text.toString(), first.font());
    }
}

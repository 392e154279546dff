package id.modo.verse.studio.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Courier Prime (SIL OFL 1.1, {@code fonts/CourierPrime-OFL.txt}) in its four faces, embedded as subsets in every
 * screenplay PDF. An embedded font prints every character it has a glyph for, where PDF's standard Courier knew only
 * WinAnsi and dropped Indonesian loanword accents, Turkish and Latvian letters; its glyphs are 1228/2048 em wide, the
 * 0.6 em of Courier the layout counts in.
 */
final class ScreenplayPdfFonts {

    private static final String[] FACES = {"Regular", "Bold", "Italic", "BoldItalic"};
    private static final byte[][] FILES = new byte[FACES.length][];
    private static final Map<Integer, Boolean> PRINTABLE = new ConcurrentHashMap<>();
    private static final CmapLookup[] CMAPS = new CmapLookup[FACES.length];

    static {
        for (int i = 0; i < FACES.length; i++) {
            FILES[i] = read("/fonts/CourierPrime-" + FACES[i] + ".ttf");
            try {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FILES[i]));
                CMAPS[i] = font.getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final PDType0Font[] loaded = new PDType0Font[FACES.length];
    private final PDDocument document;

    /** The faces for one document, each loaded on its first use so a script without italics carries none. */
    ScreenplayPdfFonts(PDDocument document) {
        this.document = document;
    }

    PDType0Font of(int style) throws IOException {
        boolean bold = (style & ScreenplayLayout.BOLD) != 0;
        boolean italic = (style & ScreenplayLayout.ITALIC) != 0;
        int face = (bold ? 1 : 0) + (italic ? 2 : 0);
        if (loaded[face] == null) {
            loaded[face] = PDType0Font.load(document, new RandomAccessReadBuffer(FILES[face]), true, false);
        }
        return loaded[face];
    }

    /** Whether every face has a glyph for the code point, so a run may change style without losing it. */
    static boolean printable(int codePoint) {
        return PRINTABLE.computeIfAbsent(codePoint, cp -> {
            for (CmapLookup cmap : CMAPS) {
                if (cmap.getGlyphId(cp) == 0) {
                    return false;
                }
            }
            return true;
        });
    }

    private static byte[] read(String resource) {
        try (InputStream in = ScreenplayPdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

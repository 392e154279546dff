package id.modo.verse.studio.script;

import static id.modo.verse.studio.script.ScreenplayLayout.CHAR;
import static id.modo.verse.studio.script.ScreenplayLayout.FONT_SIZE;
import static id.modo.verse.studio.script.ScreenplayLayout.INCH;
import static id.modo.verse.studio.script.ScreenplayLayout.LINE;
import static id.modo.verse.studio.script.ScreenplayLayout.RIGHT;
import static id.modo.verse.studio.script.ScreenplayLayout.TOP;
import static id.modo.verse.studio.script.ScreenplayLayout.UNDERLINE;

import id.modo.verse.studio.script.ScreenplayLayout.Align;
import id.modo.verse.studio.script.ScreenplayLayout.Row;
import id.modo.verse.studio.script.ScreenplayLayout.Run;
import id.modo.verse.studio.script.ScreenplayLayout.Segment;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;

/**
 * Writes a {@link Screenplay} as PDF: {@link ScreenplayLayout} places the text, this draws it page by page.
 *
 * <p>PDFBox directly, not openhtmltopdf (the project's HTML-to-PDF tool, itself built on PDFBox), because the
 * pagination is the layout's own. The font is Courier Prime, embedded as a subset ({@link ScreenplayPdfFonts}), so
 * text outside WinAnsi prints as written.
 */
public final class ScreenplayPdf {

    public enum Paper {
        LETTER(PDRectangle.LETTER),
        A4(PDRectangle.A4);

        private final PDRectangle size;

        Paper(PDRectangle size) {
            this.size = size;
        }

        public PDRectangle size() {
            return size;
        }
    }

    /** Told after each page is drawn, so a long script's export can show how far it is. */
    @FunctionalInterface
    interface Progress {
        void pageWritten(int written, int pages);
    }

    private final ScreenplayLayout layout;

    private ScreenplayPdf(Paper paper) {
        this.layout = new ScreenplayLayout(paper);
    }

    /** Renders the screenplay to {@code out}; the title page comes first when it has fields. */
    public static void render(Screenplay play, Paper paper, OutputStream out) {
        render(play, paper, out, (written, pages) -> { });
    }

    static void render(Screenplay play, Paper paper, OutputStream out, Progress progress) {
        new ScreenplayPdf(paper).write(play, out, progress);
    }

    private void write(Screenplay play, OutputStream out, Progress progress) {
        List<List<Row>> body = layout.pages(play);
        boolean titled = !play.titlePage().isEmpty();
        int pages = body.size() + (titled ? 1 : 0);
        try (PDDocument document = new PDDocument()) {
            ScreenplayPdfFonts fonts = new ScreenplayPdfFonts(document);
            PDDocumentInformation info = document.getDocumentInformation();
            play.title("title").ifPresent(t -> info.setTitle(ScreenplayLayout.plainText(t)));
            play.title("author").or(() -> play.title("authors")).ifPresent(a -> info.setAuthor(ScreenplayLayout.plainText(a)));
            info.setCreator("MODO Creator Verse");
            int written = 0;
            if (titled) {
                drawPage(document, fonts, layout.titlePage(play), 0);
                progress.pageWritten(++written, pages);
            }
            for (int p = 0; p < body.size(); p++) {
                drawPage(document, fonts, body.get(p), p + 1);
                progress.pageWritten(++written, pages);
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drawPage(PDDocument document, ScreenplayPdfFonts fonts, List<Row> rows, int number) throws IOException {
        PDPage page = new PDPage(new PDRectangle(layout.width, layout.height));
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            if (number >= 2) {
                String label = number + ".";
                drawSegment(content, fonts, new Segment(layout.width - RIGHT, Align.RIGHT, List.of(new Run(label, 0))),
                        layout.height - 0.5f * INCH - FONT_SIZE * 0.75f);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = rows.get(r);
                if (row == null) {
                    continue;
                }
                float baseline = layout.height - TOP - r * LINE - FONT_SIZE * 0.75f;
                for (Segment segment : row.segments()) {
                    drawSegment(content, fonts, segment, baseline);
                }
            }
        }
    }

    private static void drawSegment(PDPageContentStream content, ScreenplayPdfFonts fonts, Segment segment, float baseline)
            throws IOException {
        float x = switch (segment.align()) {
            case LEFT -> segment.x();
            case RIGHT -> segment.x() - segment.length() * CHAR;
            case CENTER -> segment.x() - segment.length() * CHAR / 2;
        };
        for (Run run : segment.runs()) {
            if (!run.text().isEmpty()) {
                content.beginText();
                content.setFont(fonts.of(run.style()), FONT_SIZE);
                content.setTextMatrix(Matrix.getTranslateInstance(x, baseline));
                content.showText(run.text());
                content.endText();
                if ((run.style() & UNDERLINE) != 0) {
                    content.setLineWidth(0.6f);
                    content.moveTo(x, baseline - 1.5f);
                    content.lineTo(x + run.text().length() * CHAR, baseline - 1.5f);
                    content.stroke();
                }
            }
            x += run.text().length() * CHAR;
        }
    }
}

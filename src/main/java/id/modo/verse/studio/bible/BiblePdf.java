package id.modo.verse.studio.bible;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * A {@link BibleDocument} as PDF: {@code studio/bible-pdf.jte} (XHTML with its print CSS) laid out by openhtmltopdf with
 * Noto Sans and Courier Prime embedded as subsets (SIL OFL, {@code src/main/resources/fonts}), so whatever Latin text a
 * writer typed prints as typed, in every reader.
 */
@Component
class BiblePdf {

    static final String TEMPLATE = "studio/bible-pdf.jte";

    private static final byte[] SANS_REGULAR = font("NotoSans-Regular");
    private static final byte[] SANS_BOLD = font("NotoSans-Bold");
    private static final byte[] SANS_ITALIC = font("NotoSans-Italic");
    private static final byte[] COURIER_REGULAR = font("CourierPrime-Regular");
    private static final byte[] COURIER_BOLD = font("CourierPrime-Bold");

    private final TemplateEngine jte;

    BiblePdf(TemplateEngine jte) {
        this.jte = jte;
    }

    record Rendered(byte[] pdf, int pages) {
    }

    Rendered render(BibleDocument document) {
        StringOutput html = new StringOutput();
        jte.render(TEMPLATE, document, html);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(SANS_REGULAR), "Noto Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(SANS_BOLD), "Noto Sans", 700, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(SANS_ITALIC), "Noto Sans", 400, FontStyle.ITALIC, true);
            builder.useFont(() -> new ByteArrayInputStream(COURIER_REGULAR), "Courier Prime", 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(COURIER_BOLD), "Courier Prime", 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
            byte[] pdf = out.toByteArray();
            try (PDDocument written = Loader.loadPDF(pdf)) {
                return new Rendered(pdf, written.getNumberOfPages());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String name) {
        try (InputStream in = BiblePdf.class.getResourceAsStream("/fonts/" + name + ".ttf")) {
            if (in == null) {
                throw new IllegalStateException("missing font " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

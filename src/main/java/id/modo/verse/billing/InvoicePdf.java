package id.modo.verse.billing;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import id.modo.verse.common.Formats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An invoice as a PDF: {@code src/main/jte/pdf/invoice.jte} (XHTML with its CSS) rendered by openhtmltopdf, in the
 * viewer's language and time zone, amounts in rupiah.
 */
@Component
class InvoicePdf {

    static final String TEMPLATE = "pdf/invoice.jte";

    private final TemplateEngine jte;
    private final MessageSource messages;
    private final Plans plans;

    InvoicePdf(TemplateEngine jte, MessageSource messages, Plans plans) {
        this.jte = jte;
        this.messages = messages;
        this.plans = plans;
    }

    byte[] render(Invoices.Invoice invoice, Locale locale, ZoneId zone) {
        Locale language = "id".equals(locale.getLanguage()) ? Locale.of("id") : Locale.ENGLISH;
        Currency currency = Currency.getInstance(invoice.total().currency());
        List<BillingPageModels.InvoiceDocument.Row> rows = invoice.lines().stream().map(line -> new BillingPageModels.InvoiceDocument.Row(
                text(language, "invoice.line." + line.kind().name().toLowerCase(Locale.ROOT), planName(line.plan()),
                        text(language, "billing.cycle." + line.cycle().dbValue())),
                line.periodStart() == null ? "" : Formats.date(line.periodStart(), zone, language) + " – " + Formats.date(line.periodEnd(), zone, language),
                Formats.money(line.amount().amount(), currency, language))).toList();
        String percent = invoice.taxRate().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString();
        var document = new BillingPageModels.InvoiceDocument(language.getLanguage(), invoice.number(),
                text(language, "invoice.status." + invoice.status().name().toLowerCase(Locale.ROOT)),
                invoice.billingName(), invoice.billingEmail() == null ? "" : invoice.billingEmail(),
                date(invoice.issuedAt(), zone, language), date(invoice.paidAt(), zone, language),
                invoice.periodStart() == null ? "" : date(invoice.periodStart(), zone, language) + " – " + date(invoice.periodEnd(), zone, language),
                rows, Formats.money(invoice.subtotal().amount(), currency, language),
                text(language, "invoice.pdf.tax", percent), Formats.money(invoice.tax().amount(), currency, language),
                Formats.money(invoice.total().amount(), currency, language), messages, language);
        StringOutput html = new StringOutput();
        jte.render(TEMPLATE, document, html);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private String planName(String key) {
        return plans.find(key).map(Plan::name).orElse(key);
    }

    private String text(Locale language, String key, Object... args) {
        return messages.getMessage(key, args, key, language);
    }

    private static String date(Instant instant, ZoneId zone, Locale language) {
        return instant == null ? "" : Formats.date(instant, zone, language);
    }
}

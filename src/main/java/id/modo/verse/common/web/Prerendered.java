package id.modo.verse.common.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.Utf8ByteOutput;
import java.util.Map;

/**
 * A part of a page rendered once, kept as UTF-8 bytes, and written into later pages as it is ({@code ${part}} in a
 * template): for parts that are the same for many viewers and costly to render, such as the catalogue home's rows of a
 * hundred tiles. Whoever keeps one decides when it is stale; render it with the {@link Ui} of a page in the language it
 * is for, and keep it per language.
 */
public final class Prerendered implements Content {

    private final byte[] utf8;

    private Prerendered(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** Renders {@code template} (e.g. "watch/shared-rows.jte") with these parameters, escaped as any page. */
    public static Prerendered render(TemplateEngine templates, String template, Map<String, Object> parameters) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render(template, parameters, output);
        return new Prerendered(output.toByteArray());
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeBinaryContent(utf8);
    }

    @Override
    public boolean isEmptyContent() {
        return utf8.length == 0;
    }
}

package id.modo.verse.studio.script;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed Fountain screenplay: the title page's fields in their order and the body as a flat list
 * of typed elements, the way the page layout consumes them.
 */
public record Screenplay(List<TitleField> titlePage, List<ScriptElement> elements) {

    public Screenplay {
        titlePage = List.copyOf(titlePage);
        elements = List.copyOf(elements);
    }

    /** The first value of a title-page key (keys compare without case), lines joined by newlines. */
    public Optional<String> title(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        return titlePage.stream()
                .filter(f -> f.key().equals(wanted))
                .findFirst()
                .map(f -> String.join("\n", f.lines()));
    }

    /** A title-page entry: the key in lower case ({@code draft date}), its value lines. */
    public record TitleField(String key, List<String> lines) {
        public TitleField {
            lines = List.copyOf(lines);
        }
    }
}

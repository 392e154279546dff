package id.modo.verse;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page text exists in English and in Bahasa Indonesia. */
class MessagesTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("i18n/messages.properties");
        Properties indonesian = load("i18n/messages_id.properties");
        assertThat(english).isNotEmpty();
        assertThat(indonesian.keySet()).as("keys of messages_id.properties").containsExactlyInAnyOrderElementsOf(english.keySet());
        english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
        indonesian.forEach((key, value) -> assertThat(value.toString()).as("id " + key).isNotBlank());
    }

    /**
     * A text with {0} goes through MessageFormat, where a single ' starts a quote: "organization's {0}" printed the raw
     * "{0}" on the pricing page. Every such text must come out with its arguments filled in.
     */
    @Test
    void textsWithArgumentsFillEveryArgument() throws IOException {
        for (String resource : List.of("i18n/messages.properties", "i18n/messages_id.properties")) {
            load(resource).forEach((key, value) -> {
                String text = value.toString();
                if (ARGUMENT.matcher(text).find()) {
                    String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {10, 11, 12, 13, 14, 15});
                    assertThat(formatted).as(resource + " " + key).doesNotContainPattern(ARGUMENT.pattern());
                }
            });
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (var in = MessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

package id.modo.verse;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page text exists in English and in Bahasa Indonesia. */
class MessagesTests {

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("i18n/messages.properties");
        Properties indonesian = load("i18n/messages_id.properties");
        assertThat(english).isNotEmpty();
        assertThat(indonesian.keySet()).as("keys of messages_id.properties").containsExactlyInAnyOrderElementsOf(english.keySet());
        english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
        indonesian.forEach((key, value) -> assertThat(value.toString()).as("id " + key).isNotBlank());
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

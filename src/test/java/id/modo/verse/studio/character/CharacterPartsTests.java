package id.modo.verse.studio.character;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A character's parts read in a word diff (the AI's proposal, two versions compared) as labelled text, not JSON. */
class CharacterPartsTests {

    private final CharacterParts parts = parts();

    private static CharacterParts parts() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("characters.field.name", Locale.ENGLISH, "Name");
        messages.addMessage("characters.field.role", Locale.ENGLISH, "Role");
        return new CharacterParts(null, null, messages);
    }

    @Test
    void aSchemaSectionReadsAsItsFormsLabelsWithTheEmptyFieldsLeftOut() {
        assertThat(parts.readable("physiological", "{\"age\":\"7\",\"gender\":null,\"hair_color\":\"golden brown\",\"eye_color\":\" \"}"))
                .isEqualTo("Age:\n7\n\nHair colour:\ngolden brown");
    }

    @Test
    void theProfileReadsWithItsFieldLabels() {
        assertThat(parts.readable(Characters.PROFILE, "{\"name\":\"Kancil\",\"role\":\"protagonist\",\"archetype\":null}"))
                .isEqualTo("Name:\nKancil\n\nRole:\nprotagonist");
    }
}

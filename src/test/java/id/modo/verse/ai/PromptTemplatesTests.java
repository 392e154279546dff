package id.modo.verse.ai;

import id.modo.verse.common.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every generation type has a template in resources, filled from its inputs; structured types check their answers whole. */
class PromptTemplatesTests {

    final PromptTemplates templates = newTemplates();

    static PromptTemplates newTemplates() {
        try {
            return new PromptTemplates();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyTypeHasATemplateAndEveryStructuredTypeItsSchema() {
        for (GenerationType type : GenerationType.values()) {
            PromptTemplate template = templates.of(type);
            assertThat(template.version()).startsWith(type.key() + ".v");
            assertThat(template.required()).isNotEmpty();
            assertThat(template.user()).isNotBlank();
            assertThat(template.structured()).isEqualTo(List.of(GenerationType.STORY_STRUCTURE, GenerationType.WANT_NEED,
                    GenerationType.KEY_ACTIONS, GenerationType.CHARACTER_PROFILE, GenerationType.UNIVERSE).contains(type));
        }
    }

    @Test
    void placeholdersAreFilledAndLinesOfWhatWasNotGivenLeftOut() {
        PromptTemplate synopsis = templates.of(GenerationType.SYNOPSIS);
        Map<String, Object> input = Map.of("premise", "A mouse-deer crosses a river of crocodiles.", "genre", "fable",
                "beats", List.of("The river", " The count ", ""));

        String user = synopsis.user(input);

        assertThat(user).contains("Premise: A mouse-deer crosses a river of crocodiles.").contains("Genre: fable")
                .contains("Beats to follow: The river; The count").doesNotContain("Tone:").doesNotContain("{{");
        assertThat(synopsis.system(input)).contains("story development assistant");
    }

    @Test
    void missingUnknownAndMisshapenInputsAreFieldErrors() {
        PromptTemplate synopsis = templates.of(GenerationType.SYNOPSIS);

        List<FieldError> errors = synopsis.check(Map.of("premise", " ", "mood", "x", "genre", 7));

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("input.premise", "input.mood", "input.genre");
        assertThat(synopsis.check(Map.of("premise", "x".repeat(PromptTemplate.MAX_INPUT_CHARS + 1))))
                .extracting(FieldError::field).containsExactly("input.premise");
        assertThat(synopsis.check(Map.of("premise", "A heist"))).isEmpty();
    }

    @Test
    void aStructuredAnswerIsCheckedDownToItsListItems() {
        Map<String, Object> schema = templates.of(GenerationType.STORY_STRUCTURE).schema();

        assertThat(OutputSchema.violation("{\"beats\":[{\"name\":\"Catalyst\",\"description\":\"A flood.\",\"intensity\":7}]}", schema)).isEmpty();
        assertThat(OutputSchema.violation("{\"beats\":[{\"name\":\"Catalyst\",\"description\":\"A flood.\"}]}", schema))
                .contains("the answer[0] lacks 'intensity'".replace("the answer", "'beats'"));
        assertThat(OutputSchema.violation("{\"beats\":[{\"name\":\"C\",\"description\":\"D\",\"intensity\":\"high\"}]}", schema))
                .contains("'intensity' is not of type integer");
        assertThat(OutputSchema.violation("{\"beats\":[],\"notes\":\"x\"}", schema)).contains("the answer has 'notes', which the schema does not name");
        assertThat(OutputSchema.violation("{\"beats\": [}", schema)).contains("the answer is not JSON");
    }

    @Test
    void anEnumInputHoldsAStringToTheItemsGivenForThisRequest() {
        PromptTemplate structure = templates.of(GenerationType.STORY_STRUCTURE);
        Map<String, Object> input = Map.of("synopsis", "A flood.", "structure", "Three-act structure", "beat_keys", List.of("setup", "resolution"));
        Map<String, Object> schema = structure.schema(input);

        assertThat(schema.toString()).contains("enum=[setup, resolution]").doesNotContain(PromptTemplate.ENUM_INPUT);
        assertThat(OutputSchema.violation("{\"beats\":[{\"name\":\"setup\",\"description\":\"A flood.\",\"intensity\":1}]}", schema)).isEmpty();
        assertThat(OutputSchema.violation("{\"beats\":[{\"name\":\"ordeal\",\"description\":\"A flood.\",\"intensity\":1}]}", schema))
                .contains("'name' is \"ordeal\", not one of [setup, resolution]");
        assertThat(structure.user(input)).contains("in this order: setup; resolution");
        // Without the input the schema allows any name, as before.
        Map<String, Object> open = structure.schema(Map.of("synopsis", "A flood.", "structure", "Save the Cat"));
        assertThat(open.toString()).doesNotContain("enum");
        assertThat(OutputSchema.violation("{\"beats\":[{\"name\":\"ordeal\",\"description\":\"A flood.\",\"intensity\":1}]}", open)).isEmpty();
    }
}

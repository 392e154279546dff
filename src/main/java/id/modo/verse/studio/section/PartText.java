package id.modo.verse.studio.section;

import java.util.LinkedHashMap;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A part stored as a JSON object of fields (a character's physiology, the universe's details) as people read it in a
 * word diff: one labelled paragraph per filled field, in the stored order, as the story's parts read.
 */
public final class PartText {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private PartText() {
    }

    /** {@code labelOf} names a field key (null: the key itself). */
    public static String readable(String json, Function<String, String> labelOf) {
        StringBuilder text = new StringBuilder();
        JSON.readValue(json, MAP).forEach((key, value) -> {
            if (value != null && !value.toString().isBlank()) {
                String label = labelOf.apply(key);
                text.append(label == null ? key : label).append(":\n").append(value).append("\n\n");
            }
        });
        return text.toString().strip();
    }
}

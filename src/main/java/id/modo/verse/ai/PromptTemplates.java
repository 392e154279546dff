package id.modo.verse.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prompt templates in {@code classpath:ai/prompts}, the newest version of each generation type's file, and the
 * schemas of the structured types in {@code classpath:ai/schemas}. Read once at start, so a missing or broken file
 * stops the start rather than a generation.
 */
@Component
class PromptTemplates {

    private static final String PROMPTS = "classpath:ai/prompts/";
    private static final String SCHEMAS = "classpath:ai/schemas/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<GenerationType, PromptTemplate> templates = new EnumMap<>(GenerationType.class);

    PromptTemplates() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (GenerationType type : GenerationType.values()) {
            Resource newest = Arrays.stream(resolver.getResources(PROMPTS + type.key() + ".v*.txt"))
                    .max(java.util.Comparator.comparingInt(PromptTemplates::version))
                    .orElseThrow(() -> new IllegalStateException("No prompt template for " + type.key() + " in " + PROMPTS));
            templates.put(type, parse(type, newest, resolver));
        }
    }

    PromptTemplate of(GenerationType type) {
        return templates.get(type);
    }

    private static int version(Resource file) {
        String name = file.getFilename();
        return Integer.parseInt(name.substring(name.lastIndexOf(".v") + 2, name.length() - ".txt".length()));
    }

    private static PromptTemplate parse(GenerationType type, Resource file, PathMatchingResourcePatternResolver resolver) throws IOException {
        String text = read(file);
        String header = text.substring(0, text.indexOf("=== "));
        String system = part(text, "=== system\n");
        String user = part(text, "=== user\n");
        String schemaName = header(header, "schema");
        Map<String, Object> schema = null;
        if (!schemaName.isEmpty()) {
            schema = JSON.readValue(read(resolver.getResource(SCHEMAS + schemaName + ".json")), new TypeReference<Map<String, Object>>() { });
        }
        String name = file.getFilename();
        return new PromptTemplate(type, name.substring(0, name.length() - ".txt".length()), list(header(header, "inputs")),
                list(header(header, "optional")), Integer.parseInt(header(header, "max_output_tokens")), schemaName.isEmpty() ? null : schemaName,
                schema, system, user);
    }

    private static String part(String text, String marker) {
        int start = text.indexOf(marker);
        if (start < 0) {
            return null;
        }
        int end = text.indexOf("\n=== ", start + marker.length());
        return text.substring(start + marker.length(), end < 0 ? text.length() : end).strip();
    }

    private static String header(String header, String name) {
        return header.lines().filter(line -> line.startsWith(name + ":")).findFirst()
                .map(line -> line.substring(name.length() + 1).strip()).orElse("");
    }

    private static List<String> list(String value) {
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}

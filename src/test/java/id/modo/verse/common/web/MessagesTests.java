package id.modo.verse.common.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page text exists in English and in Bahasa Indonesia, in exactly one module's bundle. */
class MessagesTests {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    /** A key written out where a template or the code asks for a text; one ending in '.' is the start of keys built at run time. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("ui\\.(?:t|localize|lookup)\\(\"([^\"]+)\"");
    private static final Pattern JAVA_KEY = Pattern.compile("\\b(?:t|localize|getMessage)\\(\"([^\"]+)\"");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    @Test
    void theSharedAndTheModuleBundlesAreFound() {
        assertThat(MessageBundles.basenames()).contains("i18n/messages", "i18n/identity", "i18n/studio")
                .allSatisfy(name -> assertThat(name).doesNotContain("_"));
    }

    @Test
    void theMessageSourceReadsTheModuleBundles() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        MessageBundles.moduleMessageBundles().postProcessBeforeInitialization(source, AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME);
        assertThat(source.getMessage("layout.menu", null, Locale.ENGLISH)).isEqualTo("Menu");
        assertThat(source.getMessage("studio.trash.title", null, Locale.ENGLISH))
                .isNotEqualTo(source.getMessage("studio.trash.title", null, Locale.of("id")));
    }

    @Test
    void eachBundleHasTheSameKeysInBothLanguagesAndNoEmptyText() throws IOException {
        for (String bundle : MessageBundles.basenames()) {
            Properties english = load(bundle + ".properties");
            Properties indonesian = load(bundle + "_id.properties");
            assertThat(english).as(bundle).isNotEmpty();
            assertThat(indonesian.keySet()).as("keys of " + bundle + "_id.properties").containsExactlyInAnyOrderElementsOf(english.keySet());
            english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
            indonesian.forEach((key, value) -> assertThat(value.toString()).as("id " + key).isNotBlank());
        }
    }

    @Test
    void noKeyIsInTwoBundles() throws IOException {
        Map<Object, String> owner = new HashMap<>();
        for (String bundle : MessageBundles.basenames()) {
            for (Object key : load(bundle + ".properties").keySet()) {
                String other = owner.putIfAbsent(key, bundle);
                assertThat(other).as(key + " is in " + other + " and in " + bundle).isNull();
            }
        }
    }

    @Test
    void everyKeyTheTemplatesAndTheCodeAskForExists() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String bundle : MessageBundles.basenames()) {
            load(bundle + ".properties").keySet().forEach(key -> keys.add(key.toString()));
        }
        Set<String> asked = new TreeSet<>();
        asked.addAll(keysIn(Path.of("src/main/jte"), ".jte", TEMPLATE_KEY));
        asked.addAll(keysIn(Path.of("src/main/java"), ".java", JAVA_KEY));
        assertThat(asked).as("keys the templates and the code ask for").hasSizeGreaterThan(500);
        assertThat(asked).allSatisfy(key -> assertThat(key.endsWith(".")
                ? keys.stream().anyMatch(known -> known.startsWith(key)) : keys.contains(key)).as(key).isTrue());
    }

    /**
     * A text with {0} goes through MessageFormat, where a single ' starts a quote: "organization's {0}" printed the raw
     * "{0}" on the pricing page. Every such text must come out with its arguments filled in.
     */
    @Test
    void textsWithArgumentsFillEveryArgument() throws IOException {
        for (String bundle : MessageBundles.basenames()) {
            for (String resource : List.of(bundle + ".properties", bundle + "_id.properties")) {
                load(resource).forEach((key, value) -> {
                    String text = value.toString();
                    if (ARGUMENT.matcher(text).find()) {
                        String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {10, 11, 12, 13, 14, 15});
                        assertThat(formatted).as(resource + " " + key).doesNotContainPattern(ARGUMENT.pattern());
                    }
                });
            }
        }
    }

    private static Set<String> keysIn(Path sources, String extension, Pattern call) throws IOException {
        Set<String> found = new HashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(extension)).toList()) {
                Matcher matcher = call.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(""));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
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

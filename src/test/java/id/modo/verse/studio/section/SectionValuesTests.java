package id.modo.verse.studio.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.studio.character.CharacterSection;
import id.modo.verse.studio.universe.UniverseSection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SectionValuesTests {

    @Test
    void theSchemaListsTheErdFieldsOfEverySection() {
        assertThat(CharacterSection.values()).extracting(SectionSchema::key).containsExactly(
                "physiological", "psychological", "emotional", "family", "sociocultural", "core_beliefs",
                "educational", "sociopolitics", "swot_analysis");
        assertThat(keys(CharacterSection.PHYSIOLOGICAL)).containsExactly("age", "gender", "height", "weight", "body_type",
                "hair_style", "hair_color", "eye_color", "skin_tone", "distinguishing_features", "clothing_style",
                "birth_signs", "uniqueness");
        assertThat(keys(CharacterSection.SWOT_ANALYSIS)).containsExactly("strengths", "weaknesses", "opportunities", "threats");
        assertThat(keys(CharacterSection.SOCIOPOLITICS)).containsExactly("party_affiliation", "nationalism", "citizenship", "activism");
        assertThat(UniverseSection.values()).extracting(SectionSchema::key).containsExactly(
                "environment", "public_systems", "private_systems", "rules", "history", "visualizations");
        assertThat(keys(UniverseSection.VISUALIZATIONS)).containsExactly("environment_image", "society_image", "private_image", "map_image");
        assertThat(UniverseSection.VISUALIZATIONS.fields()).allMatch(f -> f.kind() == SectionField.Kind.IMAGE);
    }

    @Test
    void everySectionAndFieldHasBothLabelsAndUniqueKeys() {
        List<SectionSchema> all = Stream.concat(Stream.of(CharacterSection.values()), Stream.of(UniverseSection.values()))
                .map(SectionSchema.class::cast).toList();
        for (SectionSchema section : all) {
            assertThat(section.label(Locale.ENGLISH)).isNotBlank();
            assertThat(section.label(Locale.forLanguageTag("id"))).isNotBlank();
            Set<String> seen = new HashSet<>();
            for (SectionField field : section.fields()) {
                assertThat(seen.add(field.key())).as("%s.%s listed once", section.key(), field.key()).isTrue();
                assertThat(field.label(Locale.ENGLISH)).as(field.key()).isNotBlank();
                assertThat(field.label(Locale.forLanguageTag("id"))).as(field.key()).isNotBlank();
                assertThat(section.describe()).contains("`" + field.key() + "`");
            }
        }
        assertThat(CharacterSection.FAMILY.field("siblings").orElseThrow().label(Locale.forLanguageTag("id"))).isEqualTo("Saudara kandung");
    }

    @Test
    void knownFieldsAreKeptInSchemaOrderTrimmedAndBlanksDropped() {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("threats", "  a rival studio ");
        sent.put("strengths", "stubborn");
        sent.put("weaknesses", "   ");
        sent.put("opportunities", null);
        assertThat(SectionValues.check(CharacterSection.SWOT_ANALYSIS, sent))
                .containsExactly(Map.entry("strengths", "stubborn"), Map.entry("threats", "a rival studio"));
        assertThat(SectionValues.check(CharacterSection.PHYSIOLOGICAL, Map.of("age", new BigDecimal("34"))))
                .containsExactly(Map.entry("age", "34"));
        assertThat(SectionValues.check(CharacterSection.PHYSIOLOGICAL, Map.of())).isEmpty();
    }

    @Test
    void unknownKeysAreRefusedWithEachNamed() {
        Map<String, Object> sent = new HashMap<>();
        sent.put("age", "30");
        sent.put("shoe_size", "42");
        sent.put("Age", "31");
        assertThatThrownBy(() -> SectionValues.check(CharacterSection.PHYSIOLOGICAL, sent))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(e.getMessage()).isEqualTo("Unknown section fields: physiological.Age, physiological.shoe_size.");
                    assertThat(errors(e)).extracting(FieldError::field).containsExactly("physiological.Age", "physiological.shoe_size");
                });
    }

    @Test
    void valuesMustBeBoundedTextAndImagesLocalPaths() {
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("fears", "x".repeat(SectionField.TEXT_MAX + 1));
        sent.put("wants", List.of("a"));
        sent.put("needs", Map.of("a", "b"));
        sent.put("temperament", true);
        sent.put("alter_ego", "x".repeat(SectionField.TEXT_MAX));
        List<FieldError> errors = SectionValues.problems(CharacterSection.PSYCHOLOGICAL, sent);
        assertThat(errors).extracting(FieldError::field).containsExactly(
                "psychological.fears", "psychological.needs", "psychological.temperament", "psychological.wants");
        assertThat(errors.getFirst().message()).isEqualTo("must be at most 4000 characters");

        assertThat(SectionValues.problems(UniverseSection.VISUALIZATIONS, Map.of(
                "map_image", "https://evil.example/x.png",
                "society_image", "//evil.example/x.png",
                "private_image", "javascript:alert(1)",
                "environment_image", "/media/a\" onload=\"x")))
                .extracting(FieldError::field).hasSize(4);
        assertThat(SectionValues.check(UniverseSection.VISUALIZATIONS, Map.of("map_image", "/api/v1/assets/4f1c/content")))
                .containsEntry("map_image", "/api/v1/assets/4f1c/content");
    }

    @Test
    void codePointsNotCharsAreCounted() {
        String emoji = "\uD83D\uDE00".repeat(SectionField.TEXT_MAX);
        assertThat(SectionValues.problems(CharacterSection.FAMILY, Map.of("spouse", emoji))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(ProblemException e) {
        return (List<FieldError>) e.properties().get("errors");
    }

    private static List<String> keys(SectionSchema schema) {
        return new ArrayList<>(schema.fields().stream().map(SectionField::key).toList());
    }
}

package id.modo.verse.studio.section;

import id.modo.verse.studio.character.CharacterSection;
import id.modo.verse.studio.universe.UniverseSection;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Writes the section schemas into the OpenAPI description, so the API docs list exactly the fields
 * the validation accepts: each section of the request and response bodies becomes an object with
 * its known string fields and no others.
 */
@Configuration(proxyBeanMethods = false)
class SectionDocs {

    private static final Map<String, List<? extends SectionSchema>> BODIES = Map.of(
            "CharacterCreateRequest", List.of(CharacterSection.values()),
            "CharacterPatchRequest", List.of(CharacterSection.values()),
            "Character", List.of(CharacterSection.values()),
            "UniversePatchRequest", List.of(UniverseSection.values()),
            "Universe", List.of(UniverseSection.values()));

    @Bean
    OpenApiCustomizer studioSectionSchemas() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            BODIES.forEach((name, sections) -> {
                Schema<?> body = openApi.getComponents().getSchemas().get(name);
                if (body == null || body.getProperties() == null) {
                    return;
                }
                for (SectionSchema section : sections) {
                    if (body.getProperties().containsKey(section.key())) {
                        body.getProperties().put(section.key(), schemaOf(section));
                    }
                }
            });
        };
    }

    static Schema<?> schemaOf(SectionSchema section) {
        ObjectSchema schema = new ObjectSchema();
        schema.setDescription(section.describe());
        schema.setAdditionalProperties(Boolean.FALSE);
        for (SectionField field : section.fields()) {
            StringSchema property = new StringSchema();
            property.setMaxLength(field.maxLength());
            property.setDescription(field.labelEn() + (field.kind() == SectionField.Kind.IMAGE ? " (the URL path of an uploaded image)" : ""));
            schema.addProperty(field.key(), property);
        }
        return schema;
    }
}

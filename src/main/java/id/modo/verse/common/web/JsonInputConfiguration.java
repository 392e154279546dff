package id.modo.verse.common.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read as the API document describes it, not as Jackson would kindly guess: a key that appears twice
 * in one object ({@code {"name":"a","name":"b"}}) is refused rather than the last one winning, and a number or
 * true/false sent for a string field ({@code {"name": 12}}) or a number for an enum ({@code {"role": 1}}, which
 * would pick the second role) is refused rather than turned into one. Both answer 400 naming the field
 * ({@link ApiExceptionHandler}). Applied to the app's {@code JsonMapper}, which reads request bodies and the JSON
 * we stored ourselves.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, strings -> strings
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, enums -> enums
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }
}

package id.modo.verse.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * What /v3/api-docs and Swagger UI say about the API as a whole; each module documents its own endpoints.
 *
 * <p>The document must describe the wire. springdoc builds its schemas with swagger-core, which looks at
 * our records through a Jackson 2 mapper of its own, while the API reads and writes JSON with the app's
 * Jackson 3 {@link JsonMapper} ({@code spring.jackson.property-naming-strategy=SNAKE_CASE}). So the schemas
 * are made by a {@link ModelResolver} whose mapper names properties with the app mapper's own naming
 * strategy ({@link WireNames}); springdoc puts a {@code ModelResolver} bean in place of swagger-core's.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String COMPONENTS = "#/components/schemas/";

    @Bean
    OpenAPI modoOpenApi() {
        return new OpenAPI().info(new Info()
                .title("MODO Creator Verse API")
                .version("v1")
                .description("""
                        The JSON API of MODO Creator Verse, under /api/v1. Keys are snake_case, times ISO-8601 with an \
                        offset, money a decimal string with a currency. Every error is an RFC 9457 problem document \
                        (application/problem+json) whose `type` names the kind of error.""")
                // OpenAPI 3.1 wants an SPDX identifier or a URL with the name; LicenseRef- is SPDX's form for a licence of one's own.
                .license(new License().name("Proprietary").identifier("LicenseRef-Proprietary")));
    }

    /**
     * Every operation may answer an error, and every error is a problem document (ApiExceptionHandler, Problems):
     * the document says so once, as each operation's {@code default} response, with the members we write.
     * Other members are allowed, as RFC 9457 allows: some problems carry more ({@code reference}, the current
     * version on a conflict).
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            Schema<?> fieldError = typed("object")
                    .addProperty("field", typed("string").description("the JSON path of the field or the parameter's name, snake_case"))
                    .addProperty("message", typed("string"))
                    .required(List.of("field", "message"));
            Schema<?> problem = typed("object")
                    .description("An RFC 9457 problem document (application/problem+json).")
                    .addProperty("type", typed("string").format("uri").description("names the kind of error; stable, clients may switch on it"))
                    .addProperty("title", typed("string"))
                    .addProperty("status", typed("integer").format("int32"))
                    .addProperty("detail", typed("string"))
                    .addProperty("instance", typed("string").format("uri-reference"))
                    .addProperty("errors", typed("array").items(new Schema<>().$ref(COMPONENTS + "ProblemFieldError"))
                            .description("for validation errors: each invalid field and what is wrong with it"))
                    .required(List.of("type", "title", "status"))
                    .additionalProperties(true);
            openApi.getComponents().addSchemas("ProblemFieldError", fieldError).addSchemas("Problem", problem);
            ApiResponse error = new ApiResponse().description("An error, as a problem document")
                    .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref(COMPONENTS + "Problem"))));
            openApi.getPaths().values().forEach(path -> path.readOperations()
                    .forEach(operation -> operation.getResponses().putIfAbsent("default", error)));
        };
    }

    /**
     * The app writes every property of a record, null ones included ({@code "bio": null}), and reads a missing
     * or null property as not given. So a property may be null on the wire unless its Java type cannot be (a
     * primitive) or it is declared not to be ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}, or
     * {@code @Schema(requiredMode = REQUIRED)}, see {@link #nullableRecordsAndListElements}): the
     * document says so with OpenAPI 3.1's {@code type: [string, "null"]} (and null among an enum's values).
     * A property whose type is one of our records is a plain {@code $ref} (the record's schema is shared),
     * unless it says {@code @Schema(nullable = true)}: then it is that record or null (see
     * {@link #nullableRecordsAndListElements}). A Jackson 3 tree ({@code JsonNode}) is any JSON value, null included.
     */
    /** A typed id in the path ({@code ProjectId}) is a UUID on the wire (see {@link PathIdConverter}), not an object. */
    @Bean
    ParameterCustomizer typedIdsAreUuids() {
        return (parameter, methodParameter) -> {
            if (parameter != null && PathIdConverter.isId(methodParameter.getParameterType())) {
                parameter.setSchema(new JsonSchema().types(new LinkedHashSet<>(List.of("string"))).format("uuid"));
            }
            return parameter;
        };
    }

    @Bean
    PropertyCustomizer nullableUnlessDeclaredNot() {
        return (property, type) -> {
            Class<?> javaType = TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
            if (tools.jackson.databind.JsonNode.class.isAssignableFrom(javaType)) {
                return new JsonSchema();
            }
            if (property == null || javaType.isPrimitive() || property.get$ref() != null || property.getName() != null
                    || property.getTypes() == null || property.getTypes().isEmpty() || declaredNotNull(type.getCtxAnnotations())) {
                return property;
            }
            property.addType("null");
            if (property.getEnum() != null && !property.getEnum().contains(null)) {
                property.getEnum().add(null);
            }
            return property;
        };
    }

    /**
     * What the property customizer cannot do. The elements of our lists are never null, though it cannot
     * tell an element from a property. A required property is not null (it does not see {@code @Schema}'s
     * requiredMode). And a record property marked {@code @Schema(nullable = true)} comes out
     * of swagger-core as {@code {$ref, type: null}}, which JSON Schema reads as "the record and null at once",
     * so nothing matches: it becomes {@code anyOf: [{$ref}, {type: null}]}, the record or null.
     */
    @Bean
    OpenApiCustomizer nullableRecordsAndListElements() {
        return openApi -> openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::tidyNulls);
    }

    private static void tidyNulls(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null && schema.getRequired() != null) {
            schema.getRequired().stream().map(schema.getProperties()::get)
                    .filter(required -> required != null && required.getTypes() != null && required.getTypes().size() > 1)
                    .forEach(required -> {
                        required.getTypes().remove("null");
                        if (required.getEnum() != null) {
                            required.getEnum().remove(null);
                        }
                    });
        }
        if (schema.getProperties() != null) {
            schema.getProperties().replaceAll((name, property) -> property.get$ref() != null && property.getTypes() != null
                    && property.getTypes().contains("null")
                    ? new JsonSchema().anyOf(List.of(new JsonSchema().$ref(property.get$ref()), typed("null")))
                    : property);
        }
        if (schema.getItems() != null) {
            Schema<?> items = schema.getItems();
            if (items.getTypes() != null && items.getTypes().size() > 1) {
                items.getTypes().remove("null");
            }
            if (items.getEnum() != null) {
                items.getEnum().remove(null);
            }
            tidyNulls(items);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfiguration::tidyNulls);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            tidyNulls(values);
        }
    }

    private static boolean declaredNotNull(java.lang.annotation.Annotation[] annotations) {
        return annotations != null && Arrays.stream(annotations)
                .anyMatch(annotation -> ModelResolver.NOT_NULL_ANNOTATIONS.contains(annotation.annotationType().getSimpleName()));
    }

    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new JsonSchema();
        return schema.types(new LinkedHashSet<>(List.of(type)));
    }

    /** Schemas named as the app's JSON mapper names properties on the wire, with one name per type. */
    @Bean
    ModelResolver wireModelResolver(JsonMapper appMapper, ObjectMapperProvider springDocMappers, SpringDocConfigProperties springDoc,
            ApplicationContext context) {
        ObjectMapper introspection = springDocMappers.jsonMapper().copy()
                .setPropertyNamingStrategy(WireNames.of(appMapper.serializationConfig().getPropertyNamingStrategy()));
        List<Class<?>> controllers = context.getBeansWithAnnotation(RestController.class).values().stream()
                .<Class<?>>map(ClassUtils::getUserClass).toList();
        ModelResolver resolver = new ModelResolver(introspection, ApiTypeNames.forControllers(controllers));
        return springDoc.isOpenapi31() ? resolver.openapi31(true) : resolver;
    }

    /**
     * swagger-core's Jackson 2 view of the app's Jackson 3 naming strategy: every name goes through the
     * app's own translation, so the document and the wire cannot name a property differently.
     */
    static final class WireNames extends com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase {

        private final PropertyNamingStrategies.NamingBase wire;

        private WireNames(PropertyNamingStrategies.NamingBase wire) {
            this.wire = wire;
        }

        /** The strategy for a Jackson 2 mapper, or null (names as declared) where the app has none. */
        static WireNames of(PropertyNamingStrategy appStrategy) {
            if (appStrategy == null) {
                return null;
            }
            if (appStrategy instanceof PropertyNamingStrategies.NamingBase base) {
                return new WireNames(base);
            }
            throw new IllegalStateException("The API document cannot follow the JSON naming strategy "
                    + appStrategy.getClass().getName() + ": only PropertyNamingStrategies.NamingBase strategies translate "
                    + "a name on its own");
        }

        @Override
        public String translate(String propertyName) {
            return wire.nameForField(null, null, propertyName);
        }
    }

    /**
     * Schema names for our types: the simple class name, as swagger-core names them, except for a record
     * nested in a controller whose simple name another controller's record shares. Such a record is named
     * after its controller as well ({@code ProjectApiController.CreateRequest} is {@code ProjectCreateRequest},
     * {@code OrganizationApiController.CreateRequest} is {@code OrganizationCreateRequest}), where swagger-core
     * would have let one schema stand for both. An explicit {@code @Schema(name)} still wins. Two types that
     * would still share a name stop the document with an error naming both.
     */
    static final class ApiTypeNames extends TypeNameResolver {

        private final Set<Class<?>> sharingASimpleName;
        private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

        private ApiTypeNames(Set<Class<?>> sharingASimpleName) {
            this.sharingASimpleName = sharingASimpleName;
        }

        static ApiTypeNames forControllers(Collection<Class<?>> controllers) {
            Map<String, List<Class<?>>> bySimpleName = controllers.stream().flatMap(controller -> Arrays.stream(controller.getDeclaredClasses()))
                    .collect(Collectors.groupingBy(Class::getSimpleName));
            return new ApiTypeNames(bySimpleName.values().stream().filter(types -> types.size() > 1).flatMap(List::stream)
                    .collect(Collectors.toUnmodifiableSet()));
        }

        @Override
        protected String nameForClass(Class<?> cls, Set<Options> options) {
            String name = super.nameForClass(cls, options);
            Class<?> earlier = named.putIfAbsent(name, cls);
            if (earlier != null && earlier != cls) {
                throw new IllegalStateException("Two types are both documented as the schema " + name + ": "
                        + earlier.getName() + " and " + cls.getName() + "; give one a @Schema(name = ...)");
            }
            return name;
        }

        @Override
        protected String getNameOfClass(Class<?> cls) {
            String name = super.getNameOfClass(cls);
            if (!sharingASimpleName.contains(cls)) {
                return name;
            }
            return cls.getEnclosingClass().getSimpleName().replaceFirst("(Api)?Controller$", "") + name;
        }
    }
}

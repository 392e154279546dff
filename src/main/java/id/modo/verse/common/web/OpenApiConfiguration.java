package id.modo.verse.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    OpenAPI modoOpenApi() {
        return new OpenAPI().info(new Info()
                .title("MODO Creator Verse API")
                .version("v1")
                .description("""
                        The JSON API of MODO Creator Verse, under /api/v1. Keys are snake_case, times ISO-8601 with an \
                        offset, money a decimal string with a currency. Every error is an RFC 9457 problem document \
                        (application/problem+json) whose `type` names the kind of error.""")
                .license(new License().name("Proprietary")));
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
        // A Jackson 3 tree is any JSON value on the wire, not a bean with isArray() and isObject() properties.
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class, new Schema<>());
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

        private final Set<String> shared;
        private final Map<String, Class<?>> named = new ConcurrentHashMap<>();

        private ApiTypeNames(Set<String> shared) {
            this.shared = shared;
        }

        static ApiTypeNames forControllers(Collection<Class<?>> controllers) {
            Map<String, Long> counts = controllers.stream().flatMap(controller -> Arrays.stream(controller.getDeclaredClasses()))
                    .collect(Collectors.groupingBy(Class::getSimpleName, Collectors.counting()));
            return new ApiTypeNames(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
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
            Class<?> outer = cls.getEnclosingClass();
            if (outer == null || !shared.contains(cls.getSimpleName())) {
                return name;
            }
            return outer.getSimpleName().replaceFirst("(Api)?Controller$", "") + name;
        }
    }
}

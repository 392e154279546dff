package id.modo.verse.common.web;

import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the API document names properties and schemas (OpenApiConfiguration), without starting the app. */
class OpenApiConfigurationTests {

    @Test
    void propertiesAreNamedByTheAppMappersOwnStrategy() {
        var names = OpenApiConfiguration.WireNames.of(PropertyNamingStrategies.SNAKE_CASE);
        assertThat(names.translate("baseVersion")).isEqualTo("base_version");
        assertThat(names.translate("entityId")).isEqualTo("entity_id");
        assertThat(names.translate("name")).isEqualTo("name");
        assertThat(OpenApiConfiguration.WireNames.of(null)).as("no strategy: names as declared").isNull();
    }

    @Test
    void recordsOfTwoControllersSharingANameEachGetTheirOwnSchema() {
        var names = OpenApiConfiguration.ApiTypeNames.forControllers(List.of(OrganizationApiController.class, ProjectApiController.class));
        assertThat(name(names, OrganizationApiController.CreateRequest.class)).isEqualTo("OrganizationCreateRequest");
        assertThat(name(names, ProjectApiController.CreateRequest.class)).isEqualTo("ProjectCreateRequest");
        assertThat(name(names, ProjectApiController.ProjectResponse.class)).as("a name of its own stays").isEqualTo("ProjectResponse");
    }

    @Test
    void twoTypesThatWouldStillShareASchemaNameStopTheDocument() {
        var names = OpenApiConfiguration.ApiTypeNames.forControllers(List.of());
        assertThat(name(names, Studio.Page.class)).isEqualTo("Page");
        assertThat(name(names, Studio.Page.class)).as("the same type again").isEqualTo("Page");
        assertThatThrownBy(() -> name(names, Billing.Page.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Studio.Page.class.getName()).hasMessageContaining(Billing.Page.class.getName());
    }

    private static String name(OpenApiConfiguration.ApiTypeNames names, Class<?> type) {
        return names.nameForType(TypeFactory.defaultInstance().constructType(type));
    }

    static class OrganizationApiController {
        record CreateRequest(String name) {
        }
    }

    static class ProjectApiController {
        record CreateRequest(String title) {
        }

        record ProjectResponse(String title) {
        }
    }

    static class Studio {
        record Page(int size) {
        }
    }

    static class Billing {
        record Page(int size) {
        }
    }
}

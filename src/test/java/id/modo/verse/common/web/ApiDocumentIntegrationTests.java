package id.modo.verse.common.web;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * /v3/api-docs names things as the wire does, and the integration tests hold every /api/v1 exchange to it
 * (support/Http, support/ApiDocument), so a document that drifts from the wire fails the tests that use it.
 */
@IntegrationTest
class ApiDocumentIntegrationTests {

    /** What JSON keys and query parameters look like on the wire. */
    private static final Pattern WIRE_NAME = Pattern.compile("^[a-z0-9_]+$");

    @LocalServerPort
    int port;

    @Test
    void everyPropertyAndEveryQueryParameterIsSnakeCase() {
        JsonNode document = json(new Http(port).get("/v3/api-docs", "application/json"));
        List<String> offWire = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : document.get("components").get("schemas").properties()) {
            propertyNames("#/components/schemas/" + schema.getKey(), schema.getValue(), offWire);
        }
        int parameters = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String in = parameter.get("in").asString();
                    // Exceptions: a path parameter names a placeholder of the path ({projectId}) and never travels;
                    // a header is named as HTTP names headers (Idempotency-Key, Accept).
                    if (!in.equals("path") && !in.equals("header") && !WIRE_NAME.matcher(parameter.get("name").asString()).matches()) {
                        offWire.add(where + " " + in + " parameter " + parameter.get("name").asString());
                    }
                    parameters++;
                }
                operation.getValue().path("requestBody").path("content").properties()
                        .forEach(content -> propertyNames(where + " " + content.getKey(), content.getValue().path("schema"), offWire));
            }
        }
        assertThat(parameters).as("the document lists parameters").isGreaterThan(20);
        assertThat(offWire).as("names in the API document that are not snake_case").isEmpty();
    }

    @Test
    void anExchangeTheDocumentDoesNotDescribeFailsTheTestThatMadeIt() {
        Users.Signed owner = new Users(new Http(port)).signUpAndIn("api-document");
        Http http = new Http(port).withBearer(owner.token());

        // The app ignores a key it does not know, so only the document can tell a client's camelCase apart.
        String camelCase = "{\"name\":\"Studio Unta\",\"billingEmail\":\"tagihan@unta.example.id\"}";
        assertThatThrownBy(() -> http.postJson("/api/v1/organizations", camelCase))
                .isInstanceOf(AssertionError.class).hasMessageContaining("billingEmail").hasMessageContaining("additionalProperties");
        assertThatThrownBy(() -> http.get("/api/v1/me/sessions?pageSize=5", "application/json"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("pageSize");

        HttpResponse<String> unchecked = http.unchecked().postJson("/api/v1/organizations", camelCase);
        assertThat(unchecked.statusCode()).as(unchecked.body()).isEqualTo(201);
        assertThat(json(unchecked).get("billing_email").isNull()).as("the camelCase key was not read").isTrue();
    }

    private static void propertyNames(String where, JsonNode schema, List<String> offWire) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (!WIRE_NAME.matcher(property.getKey()).matches()) {
                offWire.add(where + " property " + property.getKey());
            }
            propertyNames(where + "." + property.getKey(), property.getValue(), offWire);
        }
        propertyNames(where + "[]", schema.get("items"), offWire);
        propertyNames(where + "{}", schema.get("additionalProperties"), offWire);
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(composition).forEach(part -> propertyNames(where, part, offWire));
        }
    }
}

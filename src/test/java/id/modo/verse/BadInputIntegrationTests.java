package id.modo.verse;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API operation, as the OpenAPI document lists it (so new endpoints join by existing), gets
 * malformed JSON, the wrong JSON type, an oversized body, NUL characters in strings, a multipart
 * body cut off before its closing boundary, a form and a query that are not UTF-8, nonsense path
 * ids and a huge limit: the answer is a 4xx problem document, never a 5xx, and no stack trace is
 * logged.
 */
@IntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class BadInputIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void noEndpointAnswersBadInputWithA5xx(org.springframework.boot.test.system.CapturedOutput output) {
        // unchecked: the sweep sends what no client should (nonsense ids, limits and cursors on every GET) and looks only at the status
        Http anonymous = new Http(port).unchecked();
        Users.Signed owner = new Users(anonymous).signUpAndIn("bad-input");
        Http http = anonymous.withBearer(owner.token());
        String org = json(http.postJson("/api/v1/organizations", "{\"name\":\"Studio Uji Masukan\"}")).get("id").asString();

        JsonNode paths = json(anonymous.get("/v3/api-docs", "application/json")).get("paths");
        assertThat(paths.size()).as("the API documents its operations").isGreaterThan(10);

        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                boolean hasBody = operation.getValue().has("requestBody");
                for (String url : urls(path.getKey(), org)) {
                    List<Probe> probes = new ArrayList<>();
                    if (hasBody) {
                        probes.add(new Probe("malformed JSON", "{\"name\": \"x\", ", "application/json"));
                        probes.add(new Probe("wrong JSON type", "[1, 2, 3]", "application/json"));
                        probes.add(new Probe("wrong field types", "{\"name\": 12, \"email\": [], \"role\": {}, \"password\": false, "
                                + "\"token\": 7, \"slug\": 1.5, \"user_id\": \"not-a-uuid\", \"platform_role\": \"superadmin\"}", "application/json"));
                        probes.add(new Probe("unknown enum", "{\"role\": \"emperor\", \"email\": \"a@b.id\"}", "application/json"));
                        probes.add(new Probe("oversized", "{\"name\": \"" + "x".repeat(1_100_000) + "\"}", "application/json"));
                        probes.add(new Probe("not JSON", "name=x", "text/plain"));
                        probes.add(new Probe("NUL in strings", "{\"name\": \"a\\u0000b\", \"email\": \"a\\u0000@b.id\", \"title\": \"\\u0000\", "
                                + "\"description\": \"x\\u0000\", \"slug\": \"a\\u0000\", \"role\": \"viewer\\u0000\", \"password\": \"x\\u0000\", "
                                + "\"token\": \"\\u0000\", \"reason\": \"\\u0000\", \"key\": \"k\\u0000\"}", "application/json"));
                        probes.add(new Probe("multipart without its closing boundary", "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; "
                                + "filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\ncut off", "multipart/form-data; boundary=XYZ"));
                        probes.add(new Probe("form with bytes that are not UTF-8", "name=%FF%FE&email=%00", "application/x-www-form-urlencoded"));
                    } else {
                        probes.add(new Probe("no body", null, null));
                    }
                    probes.add(new Probe("query not UTF-8", null, null, "x=%FF%FE&q=%C0%AF"));
                    probes.add(new Probe("NUL in the query", null, null, "q=a%00b&cursor=%00&status=%00"));
                    for (Probe probe : probes) {
                        String query = probe.query() != null ? "?" + probe.query() : method.equals("GET") ? "?limit=1000000&cursor=%25%25not-a-cursor" : "";
                        HttpResponse<String> response = send(http, method, url + query, probe);
                        calls++;
                        int status = response.statusCode();
                        if (status >= 500 || (status >= 400 && !response.headers().firstValue("Content-Type").orElse("").contains("problem+json"))) {
                            failures.add(method + " " + url + " (" + probe.name() + ") -> " + status + " " + abbreviate(response.body()));
                        }
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(50);
        assertThat(failures).as("bad input that was not answered with a 4xx problem").isEmpty();
        assertThat(output.getAll()).as("no stack trace for a client's mistake").doesNotContain("Unhandled error", "\tat ");
    }

    private record Probe(String name, String body, String contentType, String query) {
        Probe(String name, String body, String contentType) {
            this(name, body, contentType, null);
        }
    }

    /** Each path template filled with nonsense ids, and with real ones where the caller has them. */
    private static List<String> urls(String template, String org) {
        List<String> urls = new ArrayList<>();
        urls.add(template.replaceAll("\\{[^}]+}", "not-a-uuid"));
        urls.add(template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
        if (template.contains("{orgId}")) {
            urls.add(template.replace("{orgId}", org).replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
        }
        return urls;
    }

    private static HttpResponse<String> send(Http http, String method, String url, Probe probe) {
        HttpRequest.Builder request = http.request(url).header("Accept", "application/json");
        if (probe.body() == null) {
            return http.send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return http.send(request.header("Content-Type", probe.contentType()).method(method, HttpRequest.BodyPublishers.ofString(probe.body())));
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}

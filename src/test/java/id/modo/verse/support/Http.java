package id.modo.verse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client against the running test app, so tests see exactly what a client sees on the wire. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String bearer;

    public Http(int port) {
        this("http://localhost:" + port, null);
    }

    private Http(String base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    /** The same client sending {@code Authorization: Bearer <token>} with every request. */
    public Http withBearer(String token) {
        return new Http(base, token);
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public HttpResponse<String> postJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method with an optional JSON body ({@code null} for none), accepting JSON. */
    public HttpResponse<String> call(String method, String path, String jsonBody) {
        HttpRequest.Builder request = request(path).header("Accept", "application/json");
        if (jsonBody == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

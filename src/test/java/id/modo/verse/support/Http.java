package id.modo.verse.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client against the running test app, so tests see exactly what a client sees on the wire.
 * Every exchange under /api/v1 is checked against the app's own OpenAPI document ({@link ApiDocument}): a test
 * whose request or answer the document does not describe fails with the validator's report.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String bearer;
    private final boolean checked;

    public Http(int port) {
        this("http://localhost:" + port, null, true);
    }

    private Http(String base, String bearer, boolean checked) {
        this.base = base;
        this.bearer = bearer;
        this.checked = checked;
    }

    /** The same client sending {@code Authorization: Bearer <token>} with every request. */
    public Http withBearer(String token) {
        return new Http(base, token, checked);
    }

    /**
     * The same client without the check against the API document, for tests that send what no client should
     * and look only at the status (bad-input sweeps). A test that sends one invalid request does not need
     * this: a refused request is not held to the document, only its answer is.
     */
    public Http unchecked() {
        return new Http(base, bearer, false);
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    public HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (checked) {
                ApiDocument.check(base, request, jsonBody(request), response);
            }
            return response;
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

    /** The JSON a request carries, read back from its body publisher; null when it carries none or something else. */
    private static String jsonBody(HttpRequest request) {
        if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0
                || !request.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return null;
        }
        CompletableFuture<String> body = new CompletableFuture<>();
        request.bodyPublisher().get().subscribe(new Flow.Subscriber<>() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                body.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                body.complete(bytes.toString(StandardCharsets.UTF_8));
            }
        });
        return body.orTimeout(5, TimeUnit.SECONDS).join();
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

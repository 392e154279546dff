package id.modo.verse.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's own OpenAPI document (/v3/api-docs), fetched once per running app, as the judge of what the
 * integration tests send and receive under /api/v1 ({@link Http} asks it about every exchange). A property the
 * document does not list is an error here, in requests and responses alike: that is how a document that has
 * drifted from the wire (a camelCase name, a renamed field, a new one nobody documented) shows up.
 *
 * <p>What is checked: an answer's status, content type and body, always; what the test sent (path and query
 * parameters, headers, JSON body) when the app took it, that is answered 2xx. A request the app refused is
 * not held to the document, since tests send invalid input on purpose; its answer, a problem document, is.
 * Request bodies that are not JSON (uploads) are not read.
 */
final class ApiDocument {

    static final String API = "/api/v1/";
    private static final Map<String, OpenApiInteractionValidator> BY_APP = new ConcurrentHashMap<>();

    private ApiDocument() {
    }

    /** Fails with the validator's report when the exchange does not match the document of the app at {@code base}. */
    static void check(String base, HttpRequest request, String requestBody, HttpResponse<String> response) {
        URI uri = request.uri();
        if (uri.getRawPath() == null || !uri.getRawPath().startsWith(API)) {
            return;
        }
        OpenApiInteractionValidator validator = BY_APP.computeIfAbsent(base, ApiDocument::load);
        Request.Method method = Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT));
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (!response.body().isEmpty() || response.headers().firstValue("Content-Type").isPresent()) {
            answer.withBody(response.body());
        }
        String contentType = request.headers().firstValue("Content-Type").orElse("");
        boolean accepted = response.statusCode() >= 200 && response.statusCode() < 300;
        boolean readable = request.bodyPublisher().map(body -> body.contentLength() == 0).orElse(true)
                || (contentType.contains("json") && requestBody != null);
        ValidationReport report;
        if (accepted && readable) {
            SimpleRequest.Builder sent = new SimpleRequest.Builder(method, uri.getRawPath(), true);
            request.headers().map().forEach(sent::withHeader);
            if (requestBody != null && !requestBody.isEmpty()) {
                sent.withBody(requestBody);
            }
            queryParameters(uri).forEach(sent::withQueryParam);
            report = validator.validate(sent.build(), answer.build());
        } else {
            report = validator.validateResponse(uri.getRawPath(), method, answer.build());
        }
        List<ValidationReport.Message> errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                // A refused request may be to a path or with a method the API does not have at all.
                .filter(message -> accepted || !message.getKey().startsWith("validation.request."))
                // An empty body with a content type is an empty document (an empty script.fountain), not a missing one.
                .filter(message -> !(message.getKey().equals("validation.response.body.missing") && response.body().isEmpty()
                        && response.headers().firstValue("Content-Type").isPresent()))
                .toList();
        if (errors.isEmpty()) {
            return;
        }
        String problems = describe(errors);
        if (DRIFT_LOG != null) {
            record(request.method() + " " + uri.getRawPath() + " -> " + response.statusCode() + "\n" + problems);
            return;
        }
        throw new AssertionError("The exchange does not match /v3/api-docs (ApiDocument): " + request.method() + " " + uri
                + "\n  sent: " + abbreviate(requestBody) + "\n  answered " + response.statusCode() + ": " + abbreviate(response.body())
                + "\n" + problems);
    }

    /** Each error on a line: where (request or response, the JSON pointer into the body or the parameter) and what. */
    private static String describe(List<ValidationReport.Message> errors) {
        StringBuilder out = new StringBuilder();
        for (ValidationReport.Message message : errors) {
            out.append("  - ").append(message.getKey());
            message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                    .ifPresent(pointers -> out.append(" at ").append(pointers.getInstance()).append(" (schema ").append(pointers.getSchema()).append(')'));
            out.append(": ").append(message.getMessage().replace("\n", " ")).append('\n');
            message.getAdditionalInfo().forEach(info -> out.append("      ").append(info.replace("\n", " ")).append('\n'));
        }
        return out.toString();
    }

    /**
     * {@code -Dmodo.api-document.drift-log=target/api-drift.txt}: list every mismatch in that file instead of failing
     * at the first, to see in one run all that the document gets wrong.
     */
    private static final String DRIFT_LOG = System.getProperty("modo.api-document.drift-log");

    private static synchronized void record(String entry) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(DRIFT_LOG), entry + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static OpenApiInteractionValidator load(String base) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> document = client.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(180)).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new AssertionError("/v3/api-docs answered " + document.statusCode() + ": " + abbreviate(document.body()));
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                    .withLevelResolver(LevelResolver.create()
                            // swagger-request-validator lets unknown properties through by default; they are drift.
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.ERROR)
                            // Accept is a preference the app negotiates: a 204, an error or its default answers whatever it names.
                            .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> queryParameters(URI uri) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return parameters;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(none)";
        }
        return text.length() <= 600 ? text : text.substring(0, 600) + "… (" + text.length() + " characters)";
    }
}

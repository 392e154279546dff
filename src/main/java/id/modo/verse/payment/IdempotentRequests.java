package id.modo.verse.payment;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.SecureTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code Idempotency-Key} mechanism for writes that move money or stock. A key is claimed with an INSERT before
 * the work runs (so a concurrent duplicate finds it taken), and its first 2xx response is stored and replayed for
 * 24 h. Each statement commits on its own: the claim must be visible to other requests while the work runs.
 */
@Service
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration RETENTION = Duration.ofHours(24);
    /** A claim older than this belongs to a request that died with its node; a retry may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    /** Response headers worth replaying; the rest (dates, lengths, security headers) the server sets anew. */
    private static final java.util.Set<String> KEPT_HEADERS = java.util.Set.of(HttpHeaders.LOCATION.toLowerCase(), HttpHeaders.ETAG.toLowerCase());

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs work once per (callerId, key); the first 2xx response (status, headers you choose, JSON body) is stored with a
     * SHA-256 of method+path+canonical body and replayed for 24 h with header `Idempotent-Replayed: true`; the same key
     * with another body -> 422 problem; a concurrent duplicate still running -> 409 problem; when work throws, the key
     * is released so a retry can run. key == null -> just runs work. Key: 1..255 printable ASCII, else 400.
     */
    public ResponseEntity<?> run(UUID callerId, String key, String method, String path, Object requestBody,
            Supplier<ResponseEntity<?>> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isEmpty() || key.length() > 255 || key.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new ProblemException(PaymentProblems.IDEMPOTENCY_KEY_INVALID,
                    "An Idempotency-Key is 1 to 255 printable ASCII characters.");
        }
        String hash = SecureTokens.sha256(method.toUpperCase(java.util.Locale.ROOT) + "\n" + path + "\n" + canonical(requestBody));
        Instant now = clock.instant();
        // An expired entry, or a claim abandoned by a crashed request, no longer holds the key.
        jdbc.sql("delete from idempotency_keys where caller_id = ? and idempotency_key = ? and (expires_at < ? or (state = 'running' and locked_until < ?))")
                .params(callerId, key, Timestamp.from(now), Timestamp.from(now))
                .update();
        int claimed = jdbc.sql("""
                insert into idempotency_keys (caller_id, idempotency_key, request_hash, state, locked_until, created_at, expires_at)
                values (?, ?, ?, 'running', ?, ?, ?) on conflict (caller_id, idempotency_key) do nothing""")
                .params(callerId, key, hash, Timestamp.from(now.plus(ABANDONED_AFTER)), Timestamp.from(now),
                        Timestamp.from(now.plus(RETENTION)))
                .update();
        if (claimed == 0) {
            return replay(callerId, key, hash);
        }
        ResponseEntity<?> response;
        try {
            response = work.get();
        } catch (RuntimeException | Error e) {
            release(callerId, key);
            throw e;
        }
        if (!response.getStatusCode().is2xxSuccessful()) {
            release(callerId, key);
            return response;
        }
        String body = response.getBody() == null ? null : json.writeValueAsString(response.getBody());
        Map<String, String> headers = new LinkedHashMap<>();
        response.getHeaders().forEach((name, values) -> {
            if (KEPT_HEADERS.contains(name.toLowerCase()) && !values.isEmpty()) {
                headers.put(name, values.getFirst());
            }
        });
        jdbc.sql("""
                update idempotency_keys set state = 'done', response_status = ?, response_headers = cast(? as jsonb), response_body = ?
                where caller_id = ? and idempotency_key = ?""")
                .params(response.getStatusCode().value(), json.writeValueAsString(headers), body, callerId, key)
                .update();
        return response;
    }

    private ResponseEntity<?> replay(UUID callerId, String key, String hash) {
        record Stored(String hash, String state, Integer status, String headers, String body) {
        }
        Optional<Stored> stored = jdbc.sql("""
                select request_hash, state, response_status, response_headers::text, response_body from idempotency_keys
                where caller_id = ? and idempotency_key = ?""")
                .params(callerId, key)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4), rs.getString(5)))
                .optional();
        if (stored.isEmpty()) {
            // Released between our insert and this read: the other request failed, so this one may simply retry.
            throw new ProblemException(PaymentProblems.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key just ended; retry it.");
        }
        if (!stored.get().hash().equals(hash)) {
            throw new ProblemException(PaymentProblems.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
        }
        if (stored.get().state().equals("running")) {
            throw new ProblemException(PaymentProblems.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still running. Retry when it has finished.");
        }
        HttpHeaders headers = new HttpHeaders();
        json.readValue(stored.get().headers(), new TypeReference<Map<String, String>>() { }).forEach(headers::add);
        headers.set(REPLAYED_HEADER, "true");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return ResponseEntity.status(HttpStatusCode.valueOf(stored.get().status())).headers(headers).body(stored.get().body());
    }

    private void release(UUID callerId, String key) {
        jdbc.sql("delete from idempotency_keys where caller_id = ? and idempotency_key = ? and state = 'running'")
                .params(callerId, key)
                .update();
    }

    /** The body as JSON with every object's keys sorted, so the same request hashes the same however it was written. */
    private String canonical(Object body) {
        if (body == null) {
            return "";
        }
        return json.writeValueAsString(sorted(json.valueToTree(body)));
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(entry -> fields.put(entry.getKey(), sorted(entry.getValue())));
            ObjectNode out = json.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = json.createArrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}

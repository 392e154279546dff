package id.modo.verse.invest.revenue;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Xendit's disbursement callbacks: trusted only with the account's verification token in {@code x-callback-token};
 * COMPLETED pays the attempt its {@code external_id} names, FAILED fails it with Xendit's {@code failure_code}. Each is
 * a conditional UPDATE on that attempt while processing, so a callback Xendit repeats (it retries until we answer 200)
 * or one of an older attempt changes nothing.
 */
@RestController
class XenditPayoutCallbacks {

    static final String PATH = "/api/v1/invest/payouts/webhooks/xendit";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RevenueRows rows;
    private final RevenueProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    XenditPayoutCallbacks(RevenueRows rows, RevenueProperties properties, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> callback(@RequestHeader(name = "x-callback-token", required = false) String token, @RequestBody byte[] body) {
        RevenueProperties.Xendit xendit = properties.payouts().xendit();
        if (!xendit.configured() || token == null || !MessageDigest.isEqual(xendit.callbackToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "The x-callback-token header is missing or wrong.");
        }
        JsonNode callback;
        try {
            callback = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The callback body is not Xendit JSON.");
        }
        if (callback == null || !callback.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The callback body is not Xendit JSON.");
        }
        String status = callback.path("status").asString("");
        String reference = callback.path("id").asString("");
        PayoutJob.attempt(callback.path("external_id").asString(null)).ifPresent(attempt -> transactions.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            boolean moved = switch (status) {
                case "COMPLETED" -> rows.paid(attempt.payoutId(), attempt.number(), XenditPayouts.NAME, reference, now);
                case "FAILED" -> rows.failed(attempt.payoutId(), attempt.number(),
                        "Xendit: " + callback.path("failure_code").asString("FAILED"), now);
                default -> false;
            };
            if (moved) {
                rows.distributionOf(attempt.payoutId()).ifPresent(d -> rows.refreshStatus(d, now));
            }
        }));
        // Callbacks for disbursements that are not ours, or statuses we do not act on, are acknowledged so Xendit stops.
        return ResponseEntity.ok().build();
    }

    /** Xendit calls without our credentials (the token is its proof), so the path has its own chain: no session, no CSRF. */
    @Configuration(proxyBeanMethods = false)
    static class Security {

        @Bean
        @Order(1)
        SecurityFilterChain investPayoutWebhooks(HttpSecurity http) throws Exception {
            http.securityMatcher(PATH)
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(AbstractHttpConfigurer::disable)
                    .requestCache(AbstractHttpConfigurer::disable)
                    .formLogin(AbstractHttpConfigurer::disable)
                    .httpBasic(AbstractHttpConfigurer::disable)
                    .logout(AbstractHttpConfigurer::disable);
            return http.build();
        }
    }
}

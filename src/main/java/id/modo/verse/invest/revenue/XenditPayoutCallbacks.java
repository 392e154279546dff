package id.modo.verse.invest.revenue;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Xendit's disbursement callbacks: trusted only with the account's verification token in {@code x-callback-token};
 * COMPLETED pays the attempt its {@code external_id} names, FAILED fails it with Xendit's {@code failure_code}, through
 * {@link PayoutOutcomes} as the status look-up does. Each is a conditional UPDATE on that attempt while processing, so a
 * callback Xendit repeats (it retries until we answer 200) or one of an older attempt changes nothing.
 */
@RestController
class XenditPayoutCallbacks {

    static final String PATH = "/api/v1/invest/payouts/webhooks/xendit";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PayoutOutcomes outcomes;
    private final RevenueProperties properties;

    XenditPayoutCallbacks(PayoutOutcomes outcomes, RevenueProperties properties) {
        this.outcomes = outcomes;
        this.properties = properties;
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
        PayoutJob.attempt(callback.path("external_id").asString(null)).ifPresent(attempt -> {
            PayoutAdapter.Outcome outcome;
            try {
                outcome = XenditPayouts.outcome(callback);
            } catch (PayoutAdapter.Unavailable e) {
                throw new ProblemException(ProblemType.MALFORMED_BODY, "The callback names no disbursement id.");
            }
            outcomes.apply(attempt.payoutId(), attempt.number(), XenditPayouts.NAME, outcome);
        });
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

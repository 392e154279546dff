package id.modo.verse.identity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Settings of accounts and sessions, under {@code modo.identity.*}. */
@Validated
@ConfigurationProperties("modo.identity")
record IdentityProperties(
        @NotNull Duration sessionIdleTimeout,
        @NotNull Duration sessionAbsoluteTimeout,
        @Min(1) @Max(100) int loginMaxFailures,
        @Min(1) @Max(100000) int loginMaxFailuresPerAddress,
        @NotNull Duration loginFailureWindow,
        @Min(1) @Max(10000) int signupsPerIpPerHour,
        @Min(1) @Max(10000) int passwordResetsPerIpPerHour,
        List<String> adminEmails) {

    IdentityProperties {
        // Compared in lower case, as emails are; blanks from a trailing comma are ignored.
        adminEmails = adminEmails == null ? List.of() : adminEmails.stream()
                .filter(email -> email != null && !email.isBlank())
                .map(email -> email.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        if (sessionIdleTimeout != null && sessionAbsoluteTimeout != null && sessionIdleTimeout.compareTo(sessionAbsoluteTimeout) > 0) {
            throw new IllegalArgumentException("modo.identity.session-idle-timeout must not be longer than modo.identity.session-absolute-timeout");
        }
    }

    /** Whether an account with this email is made a platform admin (see {@code modo.identity.admin-emails}). */
    boolean isAdminEmail(String email) {
        return email != null && adminEmails.contains(email.strip().toLowerCase(Locale.ROOT));
    }
}

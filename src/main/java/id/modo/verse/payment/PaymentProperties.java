package id.modo.verse.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code modo.payments.*}. A provider is available once its keys are set; the default gateway
 * is the one {@code Payments.start} uses. Secrets never appear in {@link #toString()}.
 */
@Validated
@ConfigurationProperties("modo.payments")
record PaymentProperties(
        @Pattern(regexp = "^$|^(sandbox|stripe|midtrans|xendit)$", message = "must be sandbox, stripe, midtrans or xendit")
        String defaultGateway,
        @NotNull Duration gatewayTimeout,
        @NotNull Duration reconcileAfter,
        @NotNull Duration reconcileInterval,
        @Valid @NotNull Sandbox sandbox,
        @Valid @NotNull Stripe stripe,
        @Valid @NotNull Midtrans midtrans,
        @Valid @NotNull Xendit xendit) {

    static final String SANDBOX = "sandbox";

    /** The gateway {@code start} uses: the configured one, else the sandbox. */
    String resolvedDefaultGateway() {
        return StringUtils.hasText(defaultGateway) ? defaultGateway : SANDBOX;
    }

    /**
     * {@code secret} signs the sandbox's notifications (blank = generated once and kept in the data directory);
     * a checkout nobody paid or failed within {@code checkoutValidity} expires, as real providers' checkouts do.
     */
    record Sandbox(String secret, @NotNull Duration checkoutValidity) {
        @Override
        public String toString() {
            return "Sandbox[secret=" + (StringUtils.hasText(secret) ? "(set)" : "(generated)") + ", checkoutValidity=" + checkoutValidity
                    + "]";
        }
    }

    record Stripe(String secretKey, String webhookSecret, String apiBase) {
        boolean configured() {
            return StringUtils.hasText(secretKey) && StringUtils.hasText(webhookSecret);
        }

        @Override
        public String toString() {
            return "Stripe[configured=" + configured() + ", apiBase=" + apiBase + "]";
        }
    }

    /** Snap (checkout pages) and the Core API (status, refunds) live on different hosts, sandbox and production alike. */
    record Midtrans(String serverKey, @NotNull String snapBase, @NotNull String apiBase) {
        boolean configured() {
            return StringUtils.hasText(serverKey);
        }

        @Override
        public String toString() {
            return "Midtrans[configured=" + configured() + ", snapBase=" + snapBase + ", apiBase=" + apiBase + "]";
        }
    }

    /** {@code callbackToken} is the verification token Xendit puts in the {@code x-callback-token} header. */
    record Xendit(String secretKey, String callbackToken, @NotNull String apiBase) {
        boolean configured() {
            return StringUtils.hasText(secretKey) && StringUtils.hasText(callbackToken);
        }

        @Override
        public String toString() {
            return "Xendit[configured=" + configured() + ", apiBase=" + apiBase + "]";
        }
    }
}

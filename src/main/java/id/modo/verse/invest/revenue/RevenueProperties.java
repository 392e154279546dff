package id.modo.verse.invest.revenue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code modo.invest.revenue.*}: how a recorded revenue is split (the platform's and the investors'
 * percentages; the creator keeps the rest) and how payouts are sent. A distribution stores the percentages it was
 * split by, so changing them here never rewrites a recorded one. Secrets never appear in {@link #toString()}.
 */
@Validated
@ConfigurationProperties("modo.invest.revenue")
record RevenueProperties(
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal platformPercent,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal investorPercent,
        @Valid @NotNull Payouts payouts) {

    @AssertTrue(message = "platform-percent and investor-percent must leave the creator a share of 0 or more")
    boolean isSplitPossible() {
        return platformPercent == null || investorPercent == null || platformPercent.add(investorPercent).compareTo(new BigDecimal(100)) <= 0;
    }

    /**
     * {@code gateway} sends the money (sandbox, or xendit once its keys are set); the job runs every {@code interval}
     * and asks again about a payout whose provider did not answer after {@code retryAfter}; a payout the provider
     * accepted and then said nothing of for {@code statusAfter} has its status looked up.
     */
    record Payouts(
            @Pattern(regexp = "^(sandbox|xendit)$", message = "must be sandbox or xendit") @NotNull String gateway,
            @NotNull Duration interval,
            @NotNull Duration retryAfter,
            @NotNull Duration statusAfter,
            @NotNull Duration timeout,
            @Valid @NotNull Xendit xendit) {
    }

    /** Xendit's disbursements: the secret key, and the verification token its callbacks carry in x-callback-token. */
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

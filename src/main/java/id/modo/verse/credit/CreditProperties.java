package id.modo.verse.credit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the credit ledger, under {@code modo.credits.*}.
 *
 * @param freeMonthly credits a month for an organization on the free plan (also every new organization's start)
 * @param freeRolloverCap how many unused free credits roll over into the next month
 * @param resetTimeZone the calendar in which "one month later" is counted for the monthly reset
 * @param resetInterval how often the reset job looks for organizations whose month is over
 * @param resetBatchSize organizations reset per transaction
 * @param reservationExpiryInterval how often overdue reservations are expired
 * @param maxReservationTtl the longest a reservation may hold credits
 * @param packs the credit packs on sale
 */
@Validated
@ConfigurationProperties("modo.credits")
public record CreditProperties(@Min(0) int freeMonthly, @Min(0) int freeRolloverCap, @NotNull ZoneId resetTimeZone,
        @NotNull Duration resetInterval, @Min(1) int resetBatchSize, @NotNull Duration reservationExpiryInterval,
        @NotNull Duration maxReservationTtl, @NotNull List<@Valid Pack> packs) {

    /** A credit pack: its key (what clients send), the credits it grants and its price in rupiah. */
    public record Pack(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,30}") String key, @Positive int credits, @Positive long priceIdr) {
    }

    public CreditProperties {
        for (Duration duration : new Duration[] {resetInterval, reservationExpiryInterval, maxReservationTtl}) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("modo.credits durations must be positive, was " + duration);
            }
        }
        if (packs != null) {
            Set<String> keys = new HashSet<>();
            for (Pack pack : packs) {
                if (pack != null && !keys.add(pack.key())) {
                    throw new IllegalArgumentException("modo.credits.packs has the key '" + pack.key() + "' twice");
                }
            }
            packs = List.copyOf(packs);
        }
    }
}

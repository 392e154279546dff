package id.modo.verse.invest.revenue;

import id.modo.verse.common.Money;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Sends one payout's money to its investor. {@code idempotencyKey} is the same for every call of one attempt, so a
 * call repeated after a timeout is recognised by the provider and pays once.
 */
interface PayoutAdapter {

    String name();

    /** What the provider did; a provider that cannot be reached throws {@link Unavailable} (the job asks again). */
    Outcome send(Order order);

    /**
     * What the provider says now of a payout it accepted under {@code reference} ({@link Accepted} while still under
     * way); empty when it does not know that reference. Unreachable: {@link Unavailable}.
     */
    Optional<Outcome> status(String reference);

    /** {@code destination} is null when the investor has not given a payout account. */
    record Order(UUID payoutId, String idempotencyKey, Money amount, String description, @Nullable Destination destination) {
    }

    record Destination(String bankCode, String accountNumber, String accountHolderName) {
    }

    sealed interface Outcome {
    }

    /** The money arrived. */
    record Paid(String reference) implements Outcome {
    }

    /** The provider took it and says later (a callback) whether it arrived. */
    record Accepted(String reference) implements Outcome {
    }

    /** The provider refused it for certain; a retry is a new attempt. */
    record Refused(String reason) implements Outcome {
    }

    final class Unavailable extends RuntimeException {
        Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}

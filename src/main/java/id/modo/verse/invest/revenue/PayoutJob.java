package id.modo.verse.invest.revenue;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import id.modo.verse.common.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the pending payouts: every {@code modo.invest.revenue.payouts.interval} it takes each due payout (one
 * conditional UPDATE, so two runs never take the same one), calls the payout adapter and records what the provider
 * said. A payout whose provider did not answer stays processing and is asked again after {@code retry-after} under the
 * same idempotency key; only a failure the provider confirmed lets a new attempt (a new key) start, by a retry.
 */
@Configuration(proxyBeanMethods = false)
class PayoutJob {

    static final String TASK = "invest-payouts";

    @Bean
    RecurringTask<Void> investPayoutsTask(RevenueProperties properties, PayoutSender sender) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.payouts().interval())).execute((instance, context) -> sender.run());
    }

    @Bean
    PayoutAdapter payoutAdapter(RevenueProperties properties) {
        RevenueProperties.Payouts payouts = properties.payouts();
        if (XenditPayouts.NAME.equals(payouts.gateway())) {
            if (!payouts.xendit().configured()) {
                throw new IllegalStateException("modo.invest.revenue.payouts.gateway is xendit but its secret-key and callback-token are not set");
            }
            return new XenditPayouts(payouts.xendit(), payouts.timeout());
        }
        return new SandboxPayouts();
    }

    @Bean
    PayoutSender payoutSender(RevenueRows rows, PayoutAdapter adapter, PayoutOutcomes outcomes, RevenueProperties properties,
            TransactionTemplate transactions, Clock clock) {
        return new PayoutSender(rows, adapter, outcomes, properties, transactions, clock);
    }

    record PayoutSender(RevenueRows rows, PayoutAdapter adapter, PayoutOutcomes outcomes, RevenueProperties properties,
            TransactionTemplate transactions, Clock clock) {

        private static final int BATCH = 500;
        private static final Logger log = LoggerFactory.getLogger(PayoutSender.class);

        /** How many payouts were sent (paid, accepted or refused) in this run. */
        int run() {
            int sent = 0;
            List<UUID> due = rows.due(staleBefore(), BATCH);
            for (UUID id : due) {
                if (send(id)) {
                    sent++;
                }
            }
            return sent;
        }

        private Instant staleBefore() {
            return clock.instant().minus(properties.payouts().retryAfter());
        }

        /** Sends one payout if it is due; whether it was sent. */
        boolean send(UUID id) {
            Optional<RevenueRows.Claimed> claimed = transactions.execute(status -> {
                Optional<RevenueRows.Claimed> c = rows.claim(id, staleBefore(), clock.instant());
                c.ifPresent(payout -> rows.refreshStatus(payout.distributionId(), clock.instant()));
                return c;
            });
            if (claimed == null || claimed.isEmpty()) {
                return false;
            }
            RevenueRows.Claimed payout = claimed.get();
            PayoutAdapter.Destination destination = rows.destination(payout.userId())
                    .map(d -> new PayoutAdapter.Destination(d[0], d[1], d[2])).orElse(null);
            PayoutAdapter.Outcome outcome;
            try {
                outcome = adapter.send(new PayoutAdapter.Order(payout.id(), key(payout.id(), payout.attempts()),
                        new Money(payout.amount(), payout.currency()), "MODO revenue share " + payout.distributionId(), destination));
            } catch (PayoutAdapter.Unavailable e) {
                log.info("Payout {} waits for {}: {}", payout.id(), adapter.name(), e.getMessage());
                rows.touched(payout.id(), clock.instant());
                return false;
            } catch (RuntimeException e) {
                // Whether the provider took it is unknown: the payout stays processing and is asked again under the same key.
                log.warn("Payout {} through {} broke off; it is asked again later", payout.id(), adapter.name(), e);
                rows.touched(payout.id(), clock.instant());
                return false;
            }
            outcomes.apply(payout.id(), payout.attempts(), adapter.name(), outcome);
            return true;
        }
    }

    /**
     * The key of an attempt, sent as the provider's idempotency key and external id: the payout's id for the first
     * attempt, with the attempt's number after it for each retry of a payout the provider refused.
     */
    static String key(UUID payoutId, int attempt) {
        return attempt <= 1 ? payoutId.toString() : payoutId + "-" + attempt;
    }

    /** The payout and attempt a key names; empty for a key that is not one of ours. */
    static Optional<Attempt> attempt(String key) {
        if (key == null || key.length() < 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(key.substring(0, 36));
            if (key.length() == 36) {
                return Optional.of(new Attempt(id, 1));
            }
            if (key.charAt(36) != '-') {
                return Optional.empty();
            }
            return Optional.of(new Attempt(id, Integer.parseInt(key.substring(37))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    record Attempt(UUID payoutId, int number) {
    }
}

package id.modo.verse.invest.revenue;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Payouts a provider accepted but never called back about would stay processing forever: every
 * {@code modo.invest.revenue.payouts.interval} this job asks the provider for the status of each one quiet for longer
 * than {@code status-after} and records it as the callback would ({@link PayoutOutcomes}). Still under way resets its
 * clock; a reference the provider does not know leaves it processing for a person to look at, as failing it would let a
 * retry pay a second time if the money did leave.
 */
@Configuration(proxyBeanMethods = false)
class PayoutStatusJob {

    static final String TASK = "invest-payout-status";

    @Bean
    RecurringTask<Void> investPayoutStatusTask(RevenueProperties properties, PayoutStatusChecker checker) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.payouts().interval())).execute((instance, context) -> checker.run());
    }

    @Bean
    PayoutStatusChecker payoutStatusChecker(RevenueRows rows, PayoutAdapter adapter, PayoutOutcomes outcomes,
            RevenueProperties properties, Clock clock) {
        return new PayoutStatusChecker(rows, adapter, outcomes, properties, clock);
    }

    record PayoutStatusChecker(RevenueRows rows, PayoutAdapter adapter, PayoutOutcomes outcomes, RevenueProperties properties,
            Clock clock) {

        private static final int BATCH = 200;
        private static final Logger log = LoggerFactory.getLogger(PayoutStatusChecker.class);

        /** How many payouts the provider answered about in this run. */
        int run() {
            Instant quietSince = clock.instant().minus(properties.payouts().statusAfter());
            int answered = 0;
            for (RevenueRows.Unanswered payout : rows.unanswered(adapter.name(), quietSince, BATCH)) {
                Optional<PayoutAdapter.Outcome> outcome;
                try {
                    outcome = adapter.status(payout.reference());
                } catch (PayoutAdapter.Unavailable e) {
                    log.info("Status of payout {} not known yet: {}", payout.id(), e.getMessage());
                    continue;
                }
                if (outcome.isEmpty()) {
                    log.warn("Payout {} stays processing: {} does not know its reference {}; check it by hand", payout.id(),
                            adapter.name(), payout.reference());
                    rows.touched(payout.id(), clock.instant());
                    continue;
                }
                outcomes.apply(payout.id(), payout.attempt(), adapter.name(), outcome.get());
                answered++;
            }
            return answered;
        }
    }
}

package id.modo.verse.credit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger's scheduled work (db-scheduler, so one node runs each at a time): the monthly reset
 * and the expiry of overdue reservations. Each works in chunks, one transaction per chunk, so
 * 100,000 organizations never sit in one transaction and a crash loses at most the chunk in flight
 * (which the next run takes again: only rows still due are picked).
 */
@Configuration(proxyBeanMethods = false)
class CreditJobs {

    static final String RESET_TASK = "credit-monthly-reset";
    static final String EXPIRY_TASK = "credit-reservation-expiry";
    private static final Logger log = LoggerFactory.getLogger(CreditJobs.class);

    @Bean
    RecurringTask<Void> creditMonthlyResetTask(CreditMonthlyReset reset, CreditProperties properties, Clock clock) {
        return Tasks.recurring(RESET_TASK, FixedDelay.of(properties.resetInterval()))
                .execute((instance, context) -> {
                    int total = 0;
                    int chunk;
                    do {
                        chunk = reset.resetDue(clock.instant(), properties.resetBatchSize());
                        total += chunk;
                    } while (chunk == properties.resetBatchSize());
                    if (total > 0) {
                        log.info("Monthly credit reset: {} organizations", total);
                    }
                });
    }

    @Bean
    RecurringTask<Void> creditReservationExpiryTask(CreditReservations reservations, CreditProperties properties, Clock clock) {
        return Tasks.recurring(EXPIRY_TASK, FixedDelay.of(properties.reservationExpiryInterval()))
                .execute((instance, context) -> {
                    int total = 0;
                    int chunk;
                    do {
                        chunk = reservations.expireReservations(clock.instant(), properties.resetBatchSize());
                        total += chunk;
                    } while (chunk == properties.resetBatchSize());
                    if (total > 0) {
                        log.info("Expired {} credit reservations", total);
                    }
                });
    }
}

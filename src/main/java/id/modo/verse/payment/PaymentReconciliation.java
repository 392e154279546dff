package id.modo.verse.payment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import id.modo.verse.payment.PaymentGateway.GatewayUnavailableException;
import java.time.Clock;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settles payments whose notification never came: every {@code modo.payments.reconcile-interval} it asks each
 * payment's gateway about the ones still open after {@code modo.payments.reconcile-after}, and applies the answer
 * through {@link PaymentNotifications}, the same path a webhook takes. A gateway that is slow or down is skipped
 * and asked again on the next run.
 */
@Configuration(proxyBeanMethods = false)
class PaymentReconciliation {

    static final String TASK = "payment-reconciliation";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    @Bean
    RecurringTask<Void> paymentReconciliationTask(PaymentProperties properties, Reconciler reconciler) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.reconcileInterval()))
                .execute((instance, context) -> reconciler.run());
    }

    @Bean
    Reconciler paymentReconciler(PaymentRepository payments, PaymentGateways gateways, PaymentNotifications notifications,
            PaymentProperties properties, JdbcClient jdbc, Clock clock) {
        return new Reconciler(payments, gateways, notifications, properties, jdbc, clock);
    }

    record Reconciler(PaymentRepository payments, PaymentGateways gateways, PaymentNotifications notifications,
            PaymentProperties properties, JdbcClient jdbc, Clock clock) {

        /** How many payments changed. */
        int run() {
            int settled = 0;
            // Least recently asked first: payments a gateway cannot answer for yet never crowd out the others.
            List<UUID> due = jdbc.sql("""
                    select id from payments where status in ('pending', 'processing') and created_at < :before
                    order by reconciled_at nulls first, created_at limit :batch""")
                    .param("before", Timestamp.from(clock.instant().minus(properties.reconcileAfter())))
                    .param("batch", BATCH)
                    .query(UUID.class)
                    .list();
            for (UUID id : due) {
                jdbc.sql("update payments set reconciled_at = :now where id = :id")
                        .param("now", Timestamp.from(clock.instant())).param("id", id).update();
                Payment payment = payments.findById(id).orElse(null);
                if (payment == null || !payment.open()) {
                    continue;
                }
                Optional<PaymentGateway> gateway = gateways.find(payment.gateway());
                if (gateway.isEmpty()) {
                    continue;
                }
                try {
                    var answer = gateway.get().status(Payments.snapshot(payment));
                    if (answer.isPresent()
                            && notifications.apply(payment.gateway(), answer.get()) == PaymentNotifications.Result.APPLIED) {
                        settled++;
                    }
                } catch (GatewayUnavailableException e) {
                    log.info("Reconciliation of payment {} waits for {}: {}", id, payment.gateway(), e.getMessage());
                }
            }
            return settled;
        }
    }
}

package id.modo.verse.payment;

import id.modo.verse.common.Money;
import id.modo.verse.payment.PaymentEvents.PaymentNotificationRefused;
import id.modo.verse.payment.PaymentGateway.Notification;
import id.modo.verse.payment.PaymentGateway.Outcome;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place where gateway statements change payments, whether they came as a webhook or from the
 * reconciliation job. Each notification is stored once per (gateway, event id): a repeat finds the unique key
 * taken and changes nothing. The payment row is locked while the notification applies, so duplicate and
 * conflicting notifications arriving together are applied one after another, and the aggregate ignores any
 * that would move it backwards. Events are published in the same transaction as the change.
 * <p>
 * A verified notification whose money does not match its payment (another currency; another amount for the
 * completion) is stored and linked to the payment but not applied: its {@code processed_at} stays empty, a WARN is
 * logged and {@link PaymentNotificationRefused} puts it in the audit log for an admin to settle with the gateway.
 */
@Service
class PaymentNotifications {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

    private final PaymentRepository payments;
    private final PaymentMethods methods;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentNotifications(PaymentRepository payments, PaymentMethods methods, JdbcClient jdbc, ApplicationEventPublisher events,
            Clock clock) {
        this.payments = payments;
        this.methods = methods;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** What became of a notification. */
    enum Result {
        /** New: applied to its payment (or kept for the record when it is about no payment of ours). */
        APPLIED,
        /** Seen before (same gateway and event id): nothing changed. */
        REPEATED,
        /** New and recorded, but not applied: its money does not match its payment. */
        REFUSED
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Result apply(String gateway, Notification notification) {
        Optional<UUID> stored = jdbc.sql("""
                insert into payment_events (gateway, event_id, type, payload) values (?, ?, ?, cast(? as jsonb))
                on conflict (gateway, event_id) do nothing returning id""")
                .params(gateway, notification.eventId(), notification.type(), notification.payload())
                .query(UUID.class)
                .optional();
        if (stored.isEmpty()) {
            return Result.REPEATED;
        }
        Optional<Payment> found = notification.paymentId() != null
                ? payments.lockById(notification.paymentId().value())
                : Optional.ofNullable(notification.gatewayReference()).flatMap(ref -> payments.lockByGatewayReference(gateway, ref));
        if (found.isEmpty() || !found.get().gateway().equals(gateway)) {
            // Kept for the record (another app's payment on a shared account, or an event about something we do not track).
            log.info("{} notification {} ({}) is about no payment of ours", gateway, notification.eventId(), notification.type());
            return Result.APPLIED;
        }
        Payment payment = found.get();
        Optional<PaymentNotificationRefused> refused = mismatch(payment, notification);
        if (refused.isPresent()) {
            // Linked to its payment for whoever looks into it, but not processed: the payment stays as it was.
            jdbc.sql("update payment_events set payment_id = ? where id = ?").params(payment.id(), stored.get()).update();
            PaymentNotificationRefused refusal = refused.get();
            log.warn("{} notification {} ({}) reports {} for payment {} of {}: recorded, not applied ({})", gateway,
                    notification.eventId(), notification.type(), refusal.reported(), payment.id(), payment.amount(), refusal.reason());
            events.publishEvent(refusal);
            return Result.REFUSED;
        }
        transition(payment, notification);
        jdbc.sql("update payment_events set payment_id = ?, processed_at = now() where id = ?")
                .params(payment.id(), stored.get())
                .update();
        return Result.APPLIED;
    }

    /**
     * Why the notification cannot apply to the payment: money in another currency (whatever the outcome: it does not
     * describe this payment), or a completion of an open payment for another amount (not paid in full, or more).
     */
    private static Optional<PaymentNotificationRefused> mismatch(Payment payment, Notification notification) {
        Money expected = payment.amount();
        Optional<Money> otherCurrency = Stream.of(notification.amount(), notification.fee(), notification.totalRefunded())
                .filter(money -> money != null && !money.currency().equals(expected.currency()))
                .findFirst();
        if (otherCurrency.isPresent()) {
            return Optional.of(refusal(payment, notification, "currency_mismatch", otherCurrency.get()));
        }
        boolean settles = notification.outcome() == Outcome.COMPLETED || notification.outcome() == Outcome.REFUNDED;
        if (settles && payment.open() && notification.amount() != null && notification.amount().compareTo(expected) != 0) {
            return Optional.of(refusal(payment, notification, "amount_mismatch", notification.amount()));
        }
        return Optional.empty();
    }

    private static PaymentNotificationRefused refusal(Payment payment, Notification notification, String reason, Money reported) {
        return new PaymentNotificationRefused(payment.paymentId(), payment.purpose(), payment.reference(), payment.organizationId(),
                payment.gateway(), notification.eventId(), notification.type(), reason, payment.amount(), reported);
    }

    private void transition(Payment payment, Notification notification) {
        if (notification.outcome() == null) {
            return;
        }
        var now = clock.instant();
        switch (notification.outcome()) {
            case PENDING -> {
                // The provider has the payment but nothing happened yet: nothing to change.
            }
            case PROCESSING -> payment.markProcessing(now);
            case COMPLETED -> completeIfPaidInFull(payment, notification);
            case FAILED -> payment.fail(notification.failureReason(), now).ifPresent(events::publishEvent);
            case REFUNDED -> {
                // A refund reported before we saw the payment complete: the money was taken first, so complete it first.
                if (payment.open()) {
                    completeIfPaidInFull(payment, notification);
                }
                if (notification.totalRefunded() != null && notification.totalRefunded().compareTo(payment.amount()) <= 0) {
                    payment.refundedInTotal(notification.totalRefunded(), now).ifPresent(events::publishEvent);
                } else if (notification.totalRefunded() != null) {
                    log.warn("Ignoring {} refund total {} above the amount of payment {}", payment.gateway(),
                            notification.totalRefunded(), payment.id());
                }
            }
        }
    }

    private void completeIfPaidInFull(Payment payment, Notification notification) {
        if (notification.amount() != null && notification.amount().compareTo(payment.amount()) != 0) {
            log.warn("{} reports {} paid for payment {} of {}: not completing it", payment.gateway(), notification.amount(),
                    payment.id(), payment.amount());
            return;
        }
        payment.complete(notification.fee(), clock.instant()).ifPresent(events::publishEvent);
        // The method may be reported by a later notification than the completion (Stripe's payment_intent.succeeded).
        if (notification.savedMethod() != null && payment.organizationId() != null && !payment.open()
                && payment.status() != PaymentStatus.FAILED) {
            methods.save(payment.organizationId(), payment.gateway(), notification.savedMethod());
        }
    }
}

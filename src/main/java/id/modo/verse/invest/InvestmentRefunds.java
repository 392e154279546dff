package id.modo.verse.invest;

import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.payment.PaymentId;
import id.modo.verse.payment.PaymentView;
import id.modo.verse.payment.Payments;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives an investment's money back through its payment's gateway, at most once however often it is asked: the
 * investor's cancel, a failed all-or-nothing campaign and a payment that completed after its investment expired all
 * claim the investment's one row in {@code investment_refunds} (unique per investment) before the gateway is called.
 * A run killed after the gateway took the refund but before it was recorded is recognised on the rerun by the payment's
 * refunded total, which the payment module keeps under the payment's row lock and never lets exceed what was paid.
 */
@Component
class InvestmentRefunds {

    enum Reason { INVESTOR_CANCEL, CAMPAIGN_FAILED, LATE_PAYMENT }

    private final JdbcClient jdbc;
    private final Payments payments;
    private final Clock clock;

    InvestmentRefunds(JdbcClient jdbc, Payments payments, Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * Refunds the investment's payment in full unless that already happened. Committed step by step (no transaction of
     * the caller's may be open): the claim, the gateway call, the record. A gateway that does not answer leaves the claim
     * open for the next attempt (the problem is thrown). An investment without a payment (the demo's) moved no money
     * through a gateway: there is nothing to give back, and it is only marked refunded by the caller.
     */
    void refund(InvestmentRows.Held investment, Reason reason, UUID actor) {
        if (investment.paymentId() == null) {
            return;
        }
        jdbc.sql("""
                insert into investment_refunds (investment_id, payment_id, amount, currency, reason, requested_by)
                values (?, ?, ?, ?, ?, ?) on conflict (investment_id) do nothing""")
                .params(investment.id(), investment.paymentId(), investment.amount(), investment.currency(),
                        reason.name().toLowerCase(Locale.ROOT), actor).update();
        boolean done = jdbc.sql("select status = 'completed' from investment_refunds where investment_id = ?")
                .param(investment.id()).query(Boolean.class).single();
        if (done) {
            return;
        }
        PaymentId payment = PaymentId.of(investment.paymentId());
        Money amount = new Money(investment.amount(), investment.currency());
        if (!refundedInFull(payment)) {
            try {
                payments.refund(actor, payment, amount, "Investment " + investment.id() + ": " + reason.name().toLowerCase(Locale.ROOT));
            } catch (ProblemException e) {
                // Another attempt refunded it between the look and the call (the payment module refuses a second one).
                if (e.type().status() != HttpStatus.CONFLICT || !refundedInFull(payment)) {
                    throw e;
                }
            }
        }
        jdbc.sql("""
                update investment_refunds set status = 'completed', completed_at = ?
                where investment_id = ? and status = 'requested'""")
                .params(Timestamp.from(clock.instant()), investment.id()).update();
    }

    private boolean refundedInFull(PaymentId payment) {
        Optional<PaymentView> view = payments.find(payment);
        return view.isPresent() && view.get().refunded().compareTo(view.get().amount()) >= 0;
    }
}

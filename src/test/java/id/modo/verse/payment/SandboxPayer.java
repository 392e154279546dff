package id.modo.verse.payment;

import id.modo.verse.common.Money;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pays or fails a sandbox payment from another module's tests exactly as the sandbox checkout page's buttons do: a
 * signed notification to our own webhook, through the same code path the real gateways use.
 */
public final class SandboxPayer {

    private final SandboxGateway sandbox;

    public SandboxPayer(ApplicationContext context) {
        this.sandbox = context.getBean(SandboxGateway.class);
    }

    /** {@code savedMethodToken} non-null also saves a payment method for the organization ("remember" on the page). */
    public void decide(PaymentId payment, Money amount, boolean pay, String savedMethodToken) {
        assertThat(sandbox.deliver(sandbox.notificationBody(payment, pay, amount, savedMethodToken))).isTrue();
    }
}

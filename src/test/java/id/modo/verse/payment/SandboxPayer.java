package id.modo.verse.payment;

import id.modo.verse.common.Money;
import id.modo.verse.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.springframework.context.ApplicationContext;

/**
 * For other modules' tests: settles a sandbox payment the way a payer's click does, with a signed
 * notification to the public webhook, so the whole verified path runs.
 */
public final class SandboxPayer {

    private final SandboxGateway sandbox;
    private final Http http;

    public SandboxPayer(ApplicationContext context, int port) {
        this.sandbox = context.getBean(SandboxGateway.class);
        this.http = new Http(port);
    }

    /** Sends "paid" (or "failed") for the payment and returns the webhook's answer. */
    public HttpResponse<String> settle(PaymentId payment, boolean paid, Money amount) {
        String body = sandbox.notificationBody(payment, paid, amount, null);
        return http.send(http.request("/api/v1/payments/webhooks/sandbox")
                .header("Content-Type", "application/json")
                .header("Sandbox-Signature", sandbox.sign(body, Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}

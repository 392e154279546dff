package id.modo.verse.payment;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sandbox's hosted checkout. Only the payer sees it. A click does not change the payment itself: it makes the
 * sandbox send its signed notification to the webhook, as a real provider would after the payer paid there.
 */
@Controller
class SandboxPagesController {

    private final PaymentRepository payments;
    private final PaymentGateways gateways;
    private final SandboxGateway sandbox;

    SandboxPagesController(PaymentRepository payments, PaymentGateways gateways, SandboxGateway sandbox) {
        this.payments = payments;
        this.gateways = gateways;
        this.sandbox = sandbox;
    }

    @GetMapping("/payments/sandbox/{paymentId}")
    String checkout(@AuthenticationPrincipal CurrentUser caller, @PathVariable String paymentId, Model model) {
        if (caller == null) {
            return "redirect:/signin?next=" + URLEncoder.encode("/payments/sandbox/" + paymentId, StandardCharsets.UTF_8);
        }
        Payment payment = payersSandboxPayment(caller, paymentId);
        model.addAttribute("page", new SandboxPageModels.SandboxCheckout(paymentId, payment.description(), payment.amount().amount(),
                payment.amount().currency(), payment.status().dbValue(), payment.open(), remembers(payment),
                payment.status() == PaymentStatus.FAILED ? payment.failedReturnPath() : payment.returnPath()));
        return "payment/sandbox-checkout";
    }

    @PostMapping("/payments/sandbox/{paymentId}")
    String decide(@AuthenticationPrincipal CurrentUser caller, @PathVariable String paymentId,
            @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "false") boolean remember) {
        if (caller == null) {
            throw notFound();
        }
        Payment payment = payersSandboxPayment(caller, paymentId);
        if (!outcome.equals("pay") && !outcome.equals("fail")) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Choose pay or fail.");
        }
        if (payment.open()) {
            boolean paid = outcome.equals("pay");
            String token = paid && remember && remembers(payment) ? "sbx_pm_" + UUID.randomUUID() : null;
            if (!sandbox.deliver(sandbox.notificationBody(payment.paymentId(), paid, payment.amount(), token))) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "The sandbox could not deliver its notification; try again.");
            }
        }
        return "redirect:" + (outcome.equals("pay") ? payment.returnPath() : payment.failedReturnPath());
    }

    /** Only a subscription renews, so only its checkout offers to keep the method for renewals (not a credit pack). */
    private static boolean remembers(Payment payment) {
        return payment.organizationId() != null && payment.purpose() == PaymentPurpose.SUBSCRIPTION;
    }

    private Payment payersSandboxPayment(CurrentUser caller, String paymentId) {
        if (gateways.find(SandboxGateway.NAME).isEmpty()) {
            throw notFound();
        }
        UUID id;
        try {
            id = UUID.fromString(paymentId);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
        return payments.findById(id)
                .filter(payment -> payment.gateway().equals(SandboxGateway.NAME) && payment.payerId().equals(caller.id().value()))
                .orElseThrow(SandboxPagesController::notFound);
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such payment.");
    }
}

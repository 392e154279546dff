package id.modo.verse.payment;

import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Payments", description = "Payments through Stripe, Midtrans, Xendit and the sandbox")
@RestController
class PaymentApiController {

    private final Payments payments;
    private final PaymentGateways gateways;
    private final Organizations organizations;

    PaymentApiController(Payments payments, PaymentGateways gateways, Organizations organizations) {
        this.payments = payments;
        this.gateways = gateways;
        this.organizations = organizations;
    }

    /** Amounts are decimal strings in {@code currency}; {@code fee} is null until the gateway reports one. */
    record PaymentResponse(UUID id, String purpose, String reference, UUID organizationId, String status, Money amount,
            Money refundedAmount, Money fee, String currency, String gateway, boolean testMode, Instant createdAt,
            Instant completedAt) {
    }

    /** The payer, or any member of the paying organization; everyone else gets the same 404 as for no payment. */
    @GetMapping("/api/v1/payments/{id}")
    PaymentResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable PaymentId id) {
        PaymentView view = payments.find(id).orElseThrow(PaymentApiController::notFound);
        if (!view.payerId().equals(caller.id().value())) {
            if (view.organizationId() == null) {
                throw notFound();
            }
            // The same answer as for a payment that does not exist, not the organization's own 404.
            organizations.membership(caller.id(), OrganizationId.of(view.organizationId()))
                    .filter(membership -> membership.can(Permission.VIEW))
                    .orElseThrow(PaymentApiController::notFound);
        }
        boolean testMode = gateways.find(view.gateway()).map(PaymentGateway::testMode).orElse(false);
        return new PaymentResponse(view.id().value(), view.purpose().dbValue(), view.reference(), view.organizationId(),
                view.status().dbValue(), view.amount(), view.refunded(), view.fee(),
                view.amount().currency(), view.gateway(), testMode, view.createdAt(), view.completedAt());
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No such payment.");
    }
}

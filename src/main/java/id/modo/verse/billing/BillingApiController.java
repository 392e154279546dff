package id.modo.verse.billing;

import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.Valid;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.payment.IdempotentRequests;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Billing", description = "Plans, an organization's subscription and its invoices")
@RestController
class BillingApiController {

    private final Plans plans;
    private final Subscriptions subscriptions;
    private final Invoices invoices;
    private final InvoicePdf pdf;
    private final ModoProperties modo;
    private final IdempotentRequests idempotentRequests;

    BillingApiController(Plans plans, Subscriptions subscriptions, Invoices invoices, InvoicePdf pdf, ModoProperties modo,
            IdempotentRequests idempotentRequests) {
        this.idempotentRequests = idempotentRequests;
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.pdf = pdf;
        this.modo = modo;
    }

    record PlanResponse(String key, String name, Money monthlyPrice, Money yearlyPrice, String currency, int monthlyCredits,
            int rolloverCap, long storageLimitBytes, Integer projectLimit, Integer memberLimit, Map<String, Object> features,
            boolean selfServe, boolean active, int sortOrder, int aiConcurrency) {
        static PlanResponse of(Plan plan) {
            return new PlanResponse(plan.key(), plan.name(), plan.monthlyPrice(), plan.yearlyPrice(),
                    plan.monthlyPrice().currency(), plan.monthlyCredits(), plan.rolloverCap(), plan.storageLimitBytes(), plan.projectLimit(),
                    plan.memberLimit(), Map.of("byok_allowed", plan.byokAllowed()), plan.selfServe(), plan.active(), plan.sortOrder(),
                    plan.aiConcurrency());
        }
    }

    @Operation(summary = "The plan catalogue", description = """
            Public. Prices are IDR decimal strings and exclude VAT (PPN), which invoices add. A null limit is unlimited; \
            `self_serve` false means the plan is arranged with sales (enterprise).""")
    @GetMapping("/api/v1/plans")
    List<PlanResponse> plans() {
        return plans.all().stream().filter(Plan::active).map(PlanResponse::of).toList();
    }

    record PlanUpdateRequest(String name, String monthlyPrice, String yearlyPrice, Integer monthlyCredits, Integer rolloverCap,
            Long storageLimitBytes, Integer projectLimit, Integer memberLimit, Boolean byokAllowed, Boolean active, Integer sortOrder,
            Integer aiConcurrency) {
    }

    @Operation(summary = "Replace a plan's terms (platform admins)", description = "Every field is required; audited as plan_update.")
    @PutMapping("/api/v1/admin/plans/{key}")
    PlanResponse updatePlan(@AuthenticationPrincipal CurrentUser caller, @PathVariable String key, @RequestBody PlanUpdateRequest body) {
        if (caller == null || !caller.isPlatformAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform admins may change plans.");
        }
        return PlanResponse.of(plans.update(caller.id(), key, new Plans.PlanChange(body.name(), body.monthlyPrice(), body.yearlyPrice(),
                body.monthlyCredits(), body.rolloverCap(), body.storageLimitBytes(), body.projectLimit(), body.memberLimit(),
                body.byokAllowed(), body.active(), body.sortOrder(), body.aiConcurrency())));
    }

    record SubscriptionResponse(UUID id, UUID organizationId, String plan, String status, String billingCycle, Instant currentPeriodStart,
            Instant currentPeriodEnd, Instant trialEnd, boolean cancelAtPeriodEnd, String pendingPlan, String pendingBillingCycle,
            int retryCount, Instant nextRetryAt, boolean trialAvailable, List<String> allowedMoves, Instant pausedAt,
            Long pausedRemainingSeconds) {
        static SubscriptionResponse of(Subscriptions.SubscriptionView view) {
            return new SubscriptionResponse(view.id(), view.organizationId().value(), view.plan(), view.status().dbValue(),
                    view.billingCycle() == null ? null : view.billingCycle().dbValue(), view.currentPeriodStart(), view.currentPeriodEnd(),
                    view.trialEnd(), view.cancelAtPeriodEnd(), view.pendingPlan(),
                    view.pendingBillingCycle() == null ? null : view.pendingBillingCycle().dbValue(), view.retryCount(), view.nextRetryAt(),
                    view.trialAvailable(), view.allowedMoves(), view.pausedAt(), view.pausedRemainingSeconds());
        }
    }

    @Operation(summary = "The organization's subscription", description = "Every member may read it; an organization without one is on free.")
    @GetMapping("/api/v1/organizations/{orgId}/subscription")
    SubscriptionResponse subscription(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId) {
        return SubscriptionResponse.of(subscriptions.get(caller.id(), orgId));
    }

    record ChangeRequest(@NotBlank @Size(max = 30) String plan, @Size(max = 20) String billingCycle) {
    }

    record ChangeResponse(SubscriptionResponse subscription, String outcome,
            @Schema(format = "uri-reference", description = "where to send the payer: the gateway's page, or a path on this site for the sandbox")
            URI checkoutUrl, Boolean testMode, UUID invoiceId,
            Money amountDue, String currency) {
    }

    @Operation(summary = "Change the plan (owners and admins)", description = """
            `plan` is a plan key, `billing_cycle` monthly or yearly (optional for free). `outcome` says what happened: \
            `trial_started` (the organization's one trial), `checkout` (send the payer to `checkout_url`; the plan applies when \
            the payment completes), `scheduled` (a downgrade or shorter cycle at the period's end, or free = cancel at the \
            period's end), `canceled` (a trial or an overdue period ended now) or `unchanged`. An upgrade is charged pro rata: \
            the new plan for the seconds left in the period minus the unused part of the old one, each rounded half-up to \
            two decimals, plus VAT.""")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ChangeResponse.class)))
    @PostMapping("/api/v1/organizations/{orgId}/subscription")
    ResponseEntity<?> change(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Parameter(description = "replays the first response for 24 h; another body with the same key is 422")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ChangeRequest body) {
        return idempotentRequests.run(caller.id().value(), idempotencyKey, "POST", "/api/v1/organizations/" + orgId + "/subscription", body,
                () -> ResponseEntity.ok(changePlan(caller, orgId, body)));
    }

    private ChangeResponse changePlan(CurrentUser caller, OrganizationId orgId, ChangeRequest body) {
        Subscriptions.ChangeResult result = subscriptions.change(caller.id(), orgId, body.plan(), body.billingCycle());
        return new ChangeResponse(SubscriptionResponse.of(result.subscription()), result.outcome(),
                result.checkout() == null ? null : result.checkout().redirectUrl(), result.checkout() == null ? null : result.checkout().testMode(),
                result.invoice() == null ? null : result.invoice().id(), result.invoice() == null ? null : result.invoice().total(),
                result.invoice() == null ? null : result.invoice().total().currency());
    }

    @Operation(summary = "Cancel at the end of the period (owners and admins)")
    @PostMapping("/api/v1/organizations/{orgId}/subscription/cancel")
    SubscriptionResponse cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId) {
        return SubscriptionResponse.of(subscriptions.cancel(caller.id(), orgId));
    }

    @Operation(summary = "Keep a subscription that was set to cancel (owners and admins)")
    @PostMapping("/api/v1/organizations/{orgId}/subscription/resume")
    SubscriptionResponse resume(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId) {
        return SubscriptionResponse.of(subscriptions.resume(caller.id(), orgId));
    }

    @Operation(summary = "Pause an active paid subscription (owners and admins)", description = """
            While paused nothing is charged and the organization has the free plan's limits and credit allowance; the paid \
            time left in the period is kept (`paused_remaining_seconds`). Checkouts not paid yet are voided. Not active or \
            not paid: 409 with `from`, `to` and `allowed`.""")
    @PostMapping("/api/v1/organizations/{orgId}/subscription/pause")
    SubscriptionResponse pause(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId) {
        return SubscriptionResponse.of(subscriptions.pause(caller.id(), orgId));
    }

    @Operation(summary = "Unpause a paused subscription (owners and admins)", description = """
            Active again on its plan with the paid time it had left: the period's end moves by the time it was paused. \
            Not paused: 409 with `from`, `to` and `allowed`.""")
    @PostMapping("/api/v1/organizations/{orgId}/subscription/unpause")
    SubscriptionResponse unpause(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId) {
        return SubscriptionResponse.of(subscriptions.unpause(caller.id(), orgId));
    }

    record LineResponse(String kind, String plan, String billingCycle, Instant periodStart, Instant periodEnd, Money amount) {
    }

    record InvoiceResponse(UUID id, String number, String status, String kind, String plan, String billingCycle, Money subtotal,
            String taxRate, Money tax, Money total, String currency, Instant periodStart, Instant periodEnd, Instant issuedAt,
            Instant paidAt, String billingName, String billingEmail, UUID paymentId, String pdfUrl, List<LineResponse> lines) {
        static InvoiceResponse of(Invoices.Invoice invoice) {
            return new InvoiceResponse(invoice.id(), invoice.number(), lower(invoice.status()), lower(invoice.kind()), invoice.plan(),
                    invoice.cycle().dbValue(), invoice.subtotal(), invoice.taxRate().toPlainString(), invoice.tax(),
                    invoice.total(), invoice.total().currency(), invoice.periodStart(), invoice.periodEnd(), invoice.issuedAt(),
                    invoice.paidAt(), invoice.billingName(), invoice.billingEmail(), invoice.paymentId(),
                    "/api/v1/invoices/" + invoice.id() + ".pdf",
                    invoice.lines().stream().map(line -> new LineResponse(lower(line.kind()), line.plan(), line.cycle().dbValue(),
                            line.periodStart(), line.periodEnd(), line.amount())).toList());
        }

        private static String lower(Enum<?> value) {
            return value.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Operation(summary = "The organization's invoices, newest first", description = "Every member may read them. Pass `next_cursor` back as `cursor`.")
    @GetMapping("/api/v1/organizations/{orgId}/invoices")
    Page<InvoiceResponse> invoices(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return invoices.list(caller.id(), orgId, cursor, limit).map(InvoiceResponse::of);
    }

    @Operation(summary = "An invoice as PDF", description = "For members of its organization, in the Accept-Language language (English or Bahasa Indonesia).")
    @GetMapping(value = "/api/v1/invoices/{id}.pdf", produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<byte[]> invoicePdf(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        Invoices.Invoice invoice = invoices.get(caller.id(), id);
        byte[] body = pdf.render(invoice, LocaleContextHolder.getLocale(), caller.timeZone().orElse(modo.web().defaultTimeZone()));
        return pdfResponse(invoice, body);
    }

    static ResponseEntity<byte[]> pdfResponse(Invoices.Invoice invoice, byte[] body) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(invoice.number() + ".pdf").build().toString())
                .body(body);
    }
}

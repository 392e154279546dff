package id.modo.verse.credit;

import id.modo.verse.common.Money;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import id.modo.verse.payment.Checkout;
import id.modo.verse.payment.IdempotentRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Credits", description = "AI credits: balances, the ledger, credit packs and admin adjustments")
@RestController
class CreditApiController {

    enum TypeName { subscription, purchase, usage, refund, bonus, rollover, expiry, adjustment }

    enum BucketName { main, bonus, rollover }

    private final CreditLedger ledger;
    private final CreditStatement statement;
    private final Organizations organizations;
    private final CreditProperties properties;
    private final CreditPurchases purchases;
    private final IdempotentRequests idempotent;

    CreditApiController(CreditLedger ledger, CreditStatement statement, Organizations organizations, CreditProperties properties,
            CreditPurchases purchases, IdempotentRequests idempotent) {
        this.ledger = ledger;
        this.statement = statement;
        this.organizations = organizations;
        this.properties = properties;
        this.purchases = purchases;
        this.idempotent = idempotent;
    }

    record BalancesResponse(UUID organizationId, int main, int bonus, int rollover, int held, int total, int available, String plan,
            int monthlyCredits, int rolloverCap, Instant lastResetAt, Instant nextResetAt) {
        static BalancesResponse of(CreditLedger.Balances b) {
            return new BalancesResponse(b.organizationId().value(), b.main(), b.bonus(), b.rollover(), b.held(), b.total(),
                    b.available(), b.plan(), b.monthlyCredits(), b.rolloverCap(), b.lastResetAt(), b.nextResetAt());
        }
    }

    record TransactionResponse(UUID id, Instant createdAt, UUID userId, String type, String bucket, int amount, int balanceAfter,
            String description, String referenceType, String referenceId) {
        static TransactionResponse of(CreditStatement.Transaction t) {
            return new TransactionResponse(t.id(), t.createdAt(), t.userId(), t.type(), t.bucket(), t.amount(), t.balanceAfter(),
                    t.description(), t.referenceType(), t.referenceId());
        }
    }

    record PackResponse(String key, int credits, Money price, String currency) {
    }

    record PurchaseRequest(@NotBlank @Size(max = 30) String pack) {
    }

    record PurchaseResponse(UUID paymentId, String gateway,
            @Schema(format = "uri-reference", description = "where to send the payer: the gateway's page, or a path on this site for the sandbox")
            java.net.URI checkoutUrl, boolean testMode) {
    }

    record AdjustmentRequest(@NotNull Integer amount, @NotNull BucketName bucket, @NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "An organization's credit balances", description = """
            Any member. `available` = `total` - `held` (credits held by open reservations are not spendable).""")
    @GetMapping("/api/v1/organizations/{orgId}/credits")
    BalancesResponse balances(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId) {
        OrganizationId organization = orgId;
        organizations.require(caller.id(), organization, Permission.VIEW);
        return BalancesResponse.of(ledger.balances(organization));
    }

    @Operation(summary = "An organization's credit ledger, newest first", description = """
            Any member. One row per bucket touched; `balance_after` is the organization's total after the row. Filters \
            combine; `from` is inclusive, `to` exclusive. Pass `next_cursor` back as `cursor`; it is null on the last page.""")
    @GetMapping("/api/v1/organizations/{orgId}/credits/transactions")
    Page<TransactionResponse> transactions(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @RequestParam(required = false) TypeName type,
            @RequestParam(required = false) BucketName bucket,
            @Parameter(description = "ISO-8601 date-time with offset, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 date-time with offset, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        OrganizationId organization = orgId;
        organizations.require(caller.id(), organization, Permission.VIEW);
        CreditStatement.Filter filter = new CreditStatement.Filter(
                type == null ? null : CreditTransactionType.valueOf(type.name().toUpperCase(Locale.ROOT)),
                bucket == null ? null : CreditBucket.valueOf(bucket.name().toUpperCase(Locale.ROOT)),
                ListFilters.apiTime(from, "from"), ListFilters.apiTime(to, "to"));
        return statement.transactions(organization, filter, cursor, limit).map(TransactionResponse::of);
    }

    @Operation(summary = "The credit packs on sale", description = "Prices in rupiah as decimal strings.")
    @GetMapping("/api/v1/credit-packs")
    List<PackResponse> packs() {
        return properties.packs().stream()
                .map(pack -> new PackResponse(pack.key(), pack.credits(), Money.idr(pack.priceIdr()), Money.IDR))
                .toList();
    }

    @Operation(summary = "Buy a credit pack", description = """
            Owners and admins. Starts a payment for the pack and answers where to send the payer (`checkout_url`); the \
            credits are granted when the gateway confirms the payment, never before. Send an `Idempotency-Key` header to \
            retry safely: the first answer is replayed for 24 h.""")
    @ApiResponse(responseCode = "201", description = "Payment started", content = @Content(schema = @Schema(implementation = PurchaseResponse.class)))
    @PostMapping("/api/v1/organizations/{orgId}/credits/purchases")
    ResponseEntity<?> purchase(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody PurchaseRequest request) {
        String path = "/api/v1/organizations/" + orgId + "/credits/purchases";
        return idempotent.run(caller.id().value(), key, "POST", path, request, () -> {
            Checkout checkout = purchases.buy(caller, orgId, request.pack(), "/organizations/" + orgId + "/credits");
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(java.net.URI.create("/api/v1/payments/" + checkout.paymentId()))
                    .body(new PurchaseResponse(checkout.paymentId().value(), checkout.gateway(), checkout.redirectUrl(),
                            checkout.testMode()));
        });
    }

    @Operation(summary = "Adjust an organization's credits by hand", description = """
            Platform admins. A positive amount adds to the bucket, a negative one takes from it, never below zero nor \
            into credits held by reservations (409 `adjustment-exceeds-balance`). The reason goes into the ledger and the \
            audit log. Send an `Idempotency-Key` header to retry safely: the first answer is replayed for 24 h.""")
    @ApiResponse(responseCode = "201", description = "Adjusted: the balances after it", content = @Content(schema = @Schema(implementation = BalancesResponse.class)))
    @PostMapping("/api/v1/admin/organizations/{orgId}/credits/adjustments")
    ResponseEntity<?> adjust(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody AdjustmentRequest request) {
        // The security rules already keep others out of /api/v1/admin/**; this holds if they ever change.
        if (caller == null || !caller.isPlatformAdmin()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform admins may adjust credits.");
        }
        String path = "/api/v1/admin/organizations/" + orgId + "/credits/adjustments";
        return idempotent.run(caller.id().value(), key, "POST", path, request, () -> ResponseEntity.status(HttpStatus.CREATED)
                .body(BalancesResponse.of(ledger.adjust(orgId, caller.id(),
                        CreditBucket.valueOf(request.bucket().name().toUpperCase(Locale.ROOT)), request.amount(), request.reason()))));
    }
}

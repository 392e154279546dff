package id.modo.verse.invest.revenue;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.invest.CampaignId;
import id.modo.verse.invest.revenue.RevenueApi.DistributionResponse;
import id.modo.verse.invest.revenue.RevenueApi.PayoutResponse;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invest revenue", description = "A funded campaign's revenue periods, their distribution and the investors' payouts")
@RestController
class RevenueApiController {

    private static final String BASE = "/api/v1/organizations/{orgId}/campaigns/{campaignId}/revenue";

    private final RevenueDistributions distributions;

    RevenueApiController(RevenueDistributions distributions) {
        this.distributions = distributions;
    }

    @Operation(summary = "Record a revenue period and distribute it", description = """
            Members with billing rights of the campaign's organization. `{period_start, period_end, total_revenue}`: dates \
            (the period ends today at the latest, Asia/Jakarta), the revenue a decimal string (whole rupiah for IDR) in the \
            campaign's currency. The campaign must be funded or completed (409 `campaign-not-funded`), the period must not \
            overlap a recorded one (409 `revenue-period-overlaps`). The revenue is split into the platform's, the creator's \
            and the investors' pool by the configured percentages, stored on the distribution; the pool goes to the confirmed \
            investments in tiers with a revenue share, weighted by amount × revenue share, by the largest-remainder method in \
            whole units, so the payouts sum to the pool exactly. Payouts are then sent in the background.""")
    @ApiResponse(responseCode = "201", description = "Recorded; its payouts are pending",
            content = @Content(schema = @Schema(implementation = DistributionResponse.class)))
    @PostMapping(BASE)
    ResponseEntity<DistributionResponse> record(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId, @RequestBody RevenueDistributions.RevenueRequest request) {
        DistributionView recorded = distributions.record(caller.id(), orgId, campaignId, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/organizations/" + orgId + "/campaigns/" + campaignId + "/revenue/" + recorded.id()))
                .body(DistributionResponse.of(recorded));
    }

    @Operation(summary = "The campaign's revenue periods, newest first", description = "Any member. Pass `next_cursor` back as `cursor`.")
    @GetMapping(BASE)
    Page<DistributionResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return distributions.list(caller.id(), orgId, campaignId, cursor, limit).map(DistributionResponse::of);
    }

    @GetMapping(BASE + "/{distributionId}")
    DistributionResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId, @PathVariable UUID distributionId) {
        return DistributionResponse.of(distributions.get(caller.id(), orgId, campaignId, distributionId));
    }

    @Operation(summary = "A distribution's payouts, largest first", description = "Any member; `offset` and `limit` page through them.")
    @GetMapping(BASE + "/{distributionId}/payouts")
    List<PayoutResponse> payouts(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId, @PathVariable UUID distributionId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000_000) int offset,
            @RequestParam(defaultValue = "" + Keyset.MAX_LIMIT) @Min(1) @Max(1000) int limit) {
        return distributions.payouts(caller.id(), orgId, campaignId, distributionId, offset, limit).stream().map(PayoutResponse::of).toList();
    }

    @Operation(summary = "Try a failed payout again", description = """
            Members with billing rights. Only a `failed` payout (409 `payout-not-failed` otherwise); it goes back to \
            `pending` and the payout job makes a new attempt with a new idempotency key at the provider.""")
    @PostMapping(BASE + "/{distributionId}/payouts/{payoutId}/retry")
    PayoutResponse retry(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId, @PathVariable UUID distributionId, @PathVariable UUID payoutId) {
        return PayoutResponse.of(distributions.retry(caller.id(), orgId, campaignId, distributionId, payoutId));
    }
}

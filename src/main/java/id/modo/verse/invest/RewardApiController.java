package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invest rewards", description = "The rewards of confirmed investments: the investor's, and the campaign's to fulfil")
@RestController
class RewardApiController {

    private static final String CAMPAIGN = "/api/v1/organizations/{orgId}/campaigns/{campaignId}/rewards";

    /** A reward; {@code download_url} and {@code access_code} only ever in the investor's own answers. */
    record RewardResponse(UUID id, UUID investmentId, UUID campaignId, String campaignTitle, String tierName, @Schema(nullable = true) BackerRef backer, String type,
            String name, String description, String status, List<String> allowedStatuses, String downloadUrl, String accessCode,
            String trackingNumber, @Schema(nullable = true) ShippingAddress shippingAddress, Integer credits, UUID creditedOrganizationId, Instant deliveredAt,
            Instant createdAt) {

        static RewardResponse of(RewardView r, boolean creator) {
            return new RewardResponse(r.id(), r.investmentId(), r.campaignId(), r.campaignTitle(), r.tierName(),
                    creator ? new BackerRef(r.userId(), r.backerName()) : null, r.type(), r.name(), r.description(), r.status(),
                    creator ? r.allowedStatuses() : List.of(), r.downloadUrl(), r.accessCode(), r.trackingNumber(), r.shippingAddress(),
                    r.credits(), r.creditedOrganizationId(), r.deliveredAt(), r.createdAt());
        }
    }

    record BackerRef(UUID id, String name) {
    }

    record StatusRequest(@NotNull @Size(max = 20) String status, @Size(max = 255) String trackingNumber) {
    }

    record ClaimRequest(@NotNull UUID organizationId) {
    }

    private final RewardFulfilment fulfilment;
    private final InvestorRewards rewards;

    RewardApiController(RewardFulfilment fulfilment, InvestorRewards rewards) {
        this.fulfilment = fulfilment;
        this.rewards = rewards;
    }

    @Operation(summary = "My rewards, newest first", description = """
            One per reward of each confirmed investment's tier. Digital ones carry `download_url` (opens only for you) or \
            `access_code`; physical ones wait for `shipping_address`, then show `status` and `tracking_number`. Pass \
            `next_cursor` back as `cursor`.""")
    @GetMapping("/api/v1/me/rewards")
    Page<RewardResponse> mine(@AuthenticationPrincipal CurrentUser caller,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return fulfilment.mine(caller.id(), cursor, limit).map(r -> RewardResponse.of(r, false));
    }

    @Operation(summary = "One of my rewards", description = "Another user's reward is 404, like a missing one.")
    @GetMapping("/api/v1/me/rewards/{rewardId}")
    RewardResponse one(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID rewardId) {
        return RewardResponse.of(fulfilment.mine(caller.id(), rewardId), false);
    }

    @Operation(summary = "Download a digital reward", description = """
            302 to a link to the file that works for 5 minutes. Only the reward's investor; anyone else, a cancelled reward \
            or a file the studio removed is 404.""")
    @ApiResponse(responseCode = "302", description = "To the file's short-lived signed link (in `Location`)")
    @GetMapping("/api/v1/me/rewards/{rewardId}/download")
    ResponseEntity<Void> download(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID rewardId) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, fulfilment.download(caller.id(), rewardId).orElseThrow(RewardFulfilment::notFound).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @Operation(summary = "Give a physical reward's shipping address", description = """
            `{name, street, city, postal_code, country (ISO 3166-1 alpha-2), phone}`; changeable until the reward is shipped \
            (409 `reward-not-editable` after, and for a reward that is not physical).""")
    @PutMapping("/api/v1/me/rewards/{rewardId}/shipping-address")
    RewardResponse address(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID rewardId,
            @Valid @RequestBody ShippingAddress request) {
        return RewardResponse.of(fulfilment.address(caller.id(), rewardId, request), false);
    }

    @Operation(summary = "Put a credit reward into an organization", description = """
            For a credit reward still pending (you owned no organization when the investment was confirmed): the credits \
            go to the bonus bucket of `organization_id`, where you manage billing, once.""")
    @PostMapping("/api/v1/me/rewards/{rewardId}/claim")
    RewardResponse claim(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID rewardId, @Valid @RequestBody ClaimRequest request) {
        rewards.claimCredits(caller.id(), rewardId, OrganizationId.of(request.organizationId()));
        return RewardResponse.of(fulfilment.mine(caller.id(), rewardId), false);
    }

    @Operation(summary = "The campaign's rewards to fulfil", description = """
            Members who edit content (shipping addresses are personal); `type` filters (physical for the parcels). Each has \
            its backer and `allowed_statuses`. Another organization's campaign is 404.""")
    @GetMapping(CAMPAIGN)
    Page<RewardResponse> ofCampaign(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId, @RequestParam(required = false) @Size(max = 20) String type,
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return fulfilment.ofCampaign(caller.id(), orgId, campaignId, type, cursor, limit).map(r -> RewardResponse.of(r, true));
    }

    @Operation(summary = "Move a physical reward on", description = """
            `{status, tracking_number}`: pending → processing or shipped, processing → shipped, shipped → delivered. \
            Shipped needs `tracking_number` (400) and the investor's address (409). Any other move is 409 \
            `reward-transition` with `from`, `to`, `allowed`.""")
    @PatchMapping(CAMPAIGN + "/{rewardId}")
    RewardResponse move(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @PathVariable UUID rewardId, @Valid @RequestBody StatusRequest request) {
        return RewardResponse.of(fulfilment.move(caller.id(), orgId, campaignId, rewardId, request.status(), request.trackingNumber()), true);
    }
}

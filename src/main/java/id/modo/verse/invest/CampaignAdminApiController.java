package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.invest.CampaignApi.CampaignResponse;
import id.modo.verse.invest.CampaignApi.CardResponse;
import id.modo.verse.invest.CampaignApi.CloseRequest;
import id.modo.verse.invest.CampaignApi.RejectRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins' review of campaigns (the {@code /api/v1/admin/**} paths are for platform admins only). */
@Tag(name = "Invest review", description = "Platform admins approve or reject campaigns submitted for review")
@RestController
class CampaignAdminApiController {

    private final Campaigns campaigns;
    private final CampaignCatalog catalog;
    private final AdminClosing closing;

    CampaignAdminApiController(Campaigns campaigns, CampaignCatalog catalog, AdminClosing closing) {
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.closing = closing;
    }

    @Operation(summary = "Campaigns waiting for review, the longest waiting first")
    @GetMapping("/api/v1/admin/campaigns/review")
    Page<CardResponse> queue(@RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return catalog.reviewQueue(cursor, limit).map(CardResponse::of);
    }

    @GetMapping("/api/v1/admin/campaigns/{campaignId}")
    CampaignResponse get(@PathVariable CampaignId campaignId) {
        return CampaignResponse.of(campaigns.forReview(campaignId));
    }

    @Operation(summary = "Approve: the campaign goes live", description = """
            The launch rules are checked again (409 `campaign-incomplete`); only a campaign under review (409 `illegal-transition`).""")
    @PostMapping("/api/v1/admin/campaigns/{campaignId}/approve")
    CampaignResponse approve(@AuthenticationPrincipal CurrentUser admin, @PathVariable CampaignId campaignId) {
        return CampaignResponse.of(campaigns.approve(admin.id(), campaignId));
    }

    @Operation(summary = "Reject: back to a draft, with the reason the creator reads as `review_note`")
    @PostMapping("/api/v1/admin/campaigns/{campaignId}/reject")
    CampaignResponse reject(@AuthenticationPrincipal CurrentUser admin, @PathVariable CampaignId campaignId,
            @Valid @RequestBody RejectRequest request) {
        return CampaignResponse.of(campaigns.reject(admin.id(), campaignId, request.reason()));
    }

    @Operation(summary = "Close now: end the campaign and settle it as its deadline would", description = """
            For a running campaign, or one stuck awaiting settlement: it ends now (its end date moves to now if it had not come),
            its open payments are no longer waited for, and it becomes `funded` or `failed` by the usual rules; a failed
            all-or-nothing campaign refunds each confirmed investment exactly once (while refunds are still going it answers
            `awaiting_settlement` and the deadline job finishes them). `reason` goes to the audit log. Any other status: 409
            `illegal-transition`.""")
    @PostMapping("/api/v1/admin/campaigns/{campaignId}/close")
    CampaignResponse close(@AuthenticationPrincipal CurrentUser admin, @PathVariable CampaignId campaignId,
            @Valid @RequestBody CloseRequest request) {
        return CampaignResponse.of(closing.close(admin.id(), campaignId, request.reason()));
    }
}

package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.invest.CampaignApi.CampaignRequest;
import id.modo.verse.invest.CampaignApi.CampaignResponse;
import id.modo.verse.invest.CampaignApi.CardResponse;
import id.modo.verse.invest.CampaignApi.TierRequest;
import id.modo.verse.invest.CampaignApi.TierResponse;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invest campaigns", description = "An organization's crowdfunding campaigns, their tiers and their status")
@RestController
class CampaignApiController {

    private static final String BASE = "/api/v1/organizations/{orgId}/campaigns";

    private final Campaigns campaigns;
    private final CampaignCatalog catalog;
    private final Backers backers;

    CampaignApiController(Campaigns campaigns, CampaignCatalog catalog, Backers backers) {
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.backers = backers;
    }

    @Operation(summary = "The campaign's backers, newest first", description = """
            Any member. The investments that counted (`confirmed`, or `refunded` after a cancel or a failed campaign), each             with its `platform_fee`, `payment_fee` and `net_amount` (amount − fees). Pass `next_cursor` back as `cursor`.""")
    @GetMapping(BASE + "/{campaignId}/investments")
    Page<CampaignApi.BackerResponse> backers(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return backers.of(caller.id(), orgId, campaignId, cursor, limit).map(CampaignApi.BackerResponse::of);
    }

    @Operation(summary = "The organization's campaigns, newest first", description = "Any member. Pass `next_cursor` back as `cursor`.")
    @GetMapping(BASE)
    Page<CardResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return catalog.ofOrganization(caller.id(), orgId, cursor, limit).map(CardResponse::of);
    }

    @Operation(summary = "Create a campaign (a draft)", description = """
            Members who edit content. `title` is required; amounts are decimal strings in IDR. The money raised, the backers, \
            the status and the verification are never set by a client.""")
    @PostMapping(BASE)
    @ResponseStatus(HttpStatus.CREATED)
    CampaignResponse create(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Valid @RequestBody CampaignRequest request) {
        if (request.title() == null) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                    Map.of("errors", List.of(new FieldError("title", "must not be null"))));
        }
        return CampaignResponse.of(campaigns.create(caller.id(), orgId, request.slug(), request.terms()));
    }

    @GetMapping(BASE + "/{campaignId}")
    CampaignResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId) {
        return CampaignResponse.of(campaigns.get(caller.id(), orgId, campaignId));
    }

    @Operation(summary = "Change a campaign", description = """
            Absent fields stay; an empty string clears a text. The funding terms (`goal_amount`, `funding_type`, \
            `equity_offered`, `end_date`, `category`, `project_id`) change only in a draft; the pitch also while it runs; \
            otherwise 409 `campaign-locked` with the `fields`.""")
    @PatchMapping(BASE + "/{campaignId}")
    CampaignResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId, @Valid @RequestBody CampaignRequest request) {
        if (request.slug() != null) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                    Map.of("errors", List.of(new FieldError("slug", "is set when the campaign is created"))));
        }
        return CampaignResponse.of(campaigns.update(caller.id(), orgId, campaignId, request.terms()));
    }

    @Operation(summary = "Submit a draft for the platform's review", description = """
            Needs a goal above 0, an end date in the future at most 90 days away (Asia/Jakarta), at least one tier and a story \
            (409 `campaign-incomplete` naming what is missing); from any other status 409 `illegal-transition`.""")
    @PostMapping(BASE + "/{campaignId}/submit")
    CampaignResponse submit(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId) {
        return CampaignResponse.of(campaigns.submit(caller.id(), orgId, campaignId));
    }

    @Operation(summary = "Cancel a campaign", description = "A draft, one under review, or an active one nobody invested in yet.")
    @PostMapping(BASE + "/{campaignId}/cancel")
    CampaignResponse cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId) {
        return CampaignResponse.of(campaigns.cancel(caller.id(), orgId, campaignId));
    }

    @Operation(summary = "Close a campaign after its end date", description = """
            Funded when it reached its goal (or, flexible, raised anything), failed otherwise. Refunds of a failed \
            all-or-nothing campaign are not built yet, so one that holds investments answers 409 `campaign-has-investments`.""")
    @PostMapping(BASE + "/{campaignId}/close")
    CampaignResponse close(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId) {
        return CampaignResponse.of(campaigns.close(caller.id(), orgId, campaignId));
    }

    @Operation(summary = "Mark a funded or failed campaign completed")
    @PostMapping(BASE + "/{campaignId}/complete")
    CampaignResponse complete(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId) {
        return CampaignResponse.of(campaigns.complete(caller.id(), orgId, campaignId));
    }

    // Tiers

    @GetMapping(BASE + "/{campaignId}/tiers")
    List<TierResponse> tiers(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId) {
        return campaigns.tiers(caller.id(), orgId, campaignId).stream().map(t -> TierResponse.of(t, "IDR")).toList();
    }

    @Operation(summary = "Add a tier", description = "Only while the campaign is a draft (409 `campaign-locked` after).")
    @PostMapping(BASE + "/{campaignId}/tiers")
    @ResponseStatus(HttpStatus.CREATED)
    TierResponse addTier(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId, @Valid @RequestBody TierRequest request) {
        return TierResponse.of(campaigns.addTier(caller.id(), orgId, campaignId, request.input()), "IDR");
    }

    @Operation(summary = "Replace a tier", description = "Only while the campaign is a draft.")
    @PutMapping(BASE + "/{campaignId}/tiers/{tierId}")
    TierResponse changeTier(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId, @PathVariable TierId tierId, @Valid @RequestBody TierRequest request) {
        return TierResponse.of(campaigns.changeTier(caller.id(), orgId, campaignId, tierId, request.input()), "IDR");
    }

    @DeleteMapping(BASE + "/{campaignId}/tiers/{tierId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTier(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @PathVariable TierId tierId) {
        campaigns.deleteTier(caller.id(), orgId, campaignId, tierId);
    }
}

package id.modo.verse.invest;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.invest.CampaignApi.CardResponse;
import id.modo.verse.invest.CampaignApi.CategoryName;
import id.modo.verse.invest.CampaignApi.InvestRequest;
import id.modo.verse.invest.CampaignApi.InvestmentResponse;
import id.modo.verse.invest.CampaignApi.PublicCampaignResponse;
import id.modo.verse.invest.CampaignApi.SortName;
import id.modo.verse.payment.IdempotentRequests;
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
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invest", description = "Public campaigns, and investing in them")
@RestController
class InvestApiController {

    private final CampaignCatalog catalog;
    private final Investing investing;
    private final InvestmentRows investments;
    private final IdempotentRequests idempotent;

    InvestApiController(CampaignCatalog catalog, Investing investing, InvestmentRows investments, IdempotentRequests idempotent) {
        this.catalog = catalog;
        this.investing = investing;
        this.investments = investments;
        this.idempotent = idempotent;
    }

    @Operation(summary = "Explore active campaigns (public)", description = """
            `sort`: `ending_soon` (default), `most_funded`, `newest`; `category` filters by genre. Pass `next_cursor` back as \
            `cursor` with the same sort and filter.""")
    @GetMapping("/api/v1/campaigns")
    Page<CardResponse> explore(@RequestParam(required = false) SortName sort, @RequestParam(required = false) CategoryName category,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        CampaignCatalog.Sort order = sort == null ? CampaignCatalog.Sort.ENDING_SOON
                : CampaignCatalog.Sort.valueOf(sort.name().toUpperCase(Locale.ROOT));
        return catalog.explore(order, category == null ? null : category.name(), cursor, limit).map(CardResponse::of);
    }

    @Operation(summary = "A launched campaign (public)", description = """
            Its story, risks and challenges as Markdown and as sanitized HTML, its tiers with what is left of each, progress, \
            backers and the days left (Asia/Jakarta). Drafts, campaigns under review and cancelled ones are 404.""")
    @GetMapping("/api/v1/campaigns/{campaignId}")
    PublicCampaignResponse get(@PathVariable CampaignId campaignId) {
        return PublicCampaignResponse.of(catalog.publicCampaign(campaignId));
    }

    @Operation(summary = "Invest in a campaign", description = """
            `{tier_id, amount}` with `amount` a decimal string (at most 2 decimals, within the tier's minimum and maximum) and \
            an optional `currency` that must be the campaign's; 400 names the field. An `Idempotency-Key` header is required: \
            the first answer is replayed for 24 h. The tier's unit is held at once (409 `tier-sold-out` when none is left) and \
            the answer says where to pay (`checkout_url`); the investment confirms, and counts toward the campaign, only when \
            the payment completes; a failed or expired payment gives the unit back. A campaign that is not active is 409 \
            `campaign-not-active`.""")
    @ApiResponse(responseCode = "201", description = "Started: pay at checkout_url",
            content = @Content(schema = @Schema(implementation = InvestmentResponse.class)))
    @PostMapping("/api/v1/campaigns/{campaignId}/investments")
    ResponseEntity<?> invest(@AuthenticationPrincipal CurrentUser caller, @PathVariable CampaignId campaignId,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key, @RequestBody InvestRequest request) {
        if (key == null) {
            throw new ProblemException(ProblemType.VALIDATION, "An Idempotency-Key header is required to invest.",
                    Map.of("errors", List.of(new FieldError(IdempotentRequests.HEADER, "is required"))));
        }
        String path = "/api/v1/campaigns/" + campaignId + "/investments";
        return idempotent.run(caller.id().value(), key, "POST", path, request, () -> {
            Investing.Started started = investing.invest(caller, campaignId, request.tierId(), request.amount(), request.currency());
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/me/investments"))
                    .body(InvestmentResponse.of(started.investment(), started.checkout().gateway(),
                            started.checkout().redirectUrl().toString(), started.checkout().testMode()));
        });
    }

    @Operation(summary = "Cancel my investment", description = """
            While the campaign is active, the investor takes a confirmed investment back: its payment is refunded in full             through the gateway it was paid with (once, however often this is called), it leaves the campaign's money and             backers, and its tier's unit is free again. Answers the investment, now `refunded`. Another user's investment is             404; an ended campaign is 409 `campaign-not-active`; an investment still waiting for its payment, or already             refunded, is 409 `investment-not-cancellable`.""")
    @PostMapping("/api/v1/investments/{investmentId}/cancel")
    InvestmentResponse cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable InvestmentId investmentId) {
        return InvestmentResponse.of(investing.cancel(caller, investmentId.value()), null, null, null);
    }

    @Operation(summary = "My investments, newest first")
    @GetMapping("/api/v1/me/investments")
    Page<InvestmentResponse> mine(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return investments.mine(caller.id().value(), cursor, limit).map(i -> InvestmentResponse.of(i, null, null, null));
    }
}

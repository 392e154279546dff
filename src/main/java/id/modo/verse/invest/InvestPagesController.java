package id.modo.verse.invest;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public side: explore, a campaign with its invest forms, and the investor's own investments. */
@Controller
class InvestPagesController {

    private static final int UPDATES_SHOWN = 10;
    static final List<String> SORTS = Arrays.stream(CampaignApi.SortName.values()).map(Enum::name).toList();
    static final List<String> CATEGORIES = Arrays.stream(CampaignApi.CategoryName.values()).map(Enum::name).toList();

    private final CampaignCatalog catalog;
    private final Investing investing;
    private final InvestmentRows investments;
    private final CampaignUpdates updates;
    private final Clock clock;

    InvestPagesController(CampaignCatalog catalog, Investing investing, InvestmentRows investments, CampaignUpdates updates, Clock clock) {
        this.catalog = catalog;
        this.investing = investing;
        this.investments = investments;
        this.updates = updates;
        this.clock = clock;
    }

    @GetMapping("/campaigns")
    String explore(@RequestParam(defaultValue = "ending_soon") String sort, @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String cursor, Model model) {
        String chosenSort = SORTS.contains(sort) ? sort : "ending_soon";
        String chosenCategory = CATEGORIES.contains(category) ? category : "";
        Page<CampaignCard> page;
        try {
            page = catalog.explore(CampaignCatalog.Sort.valueOf(chosenSort.toUpperCase(Locale.ROOT)),
                    chosenCategory.isEmpty() ? null : chosenCategory, cursor, Keyset.DEFAULT_LIMIT);
        } catch (ProblemException e) {
            // A cursor that was cut or edited: start the list again rather than show an error for a link.
            page = catalog.explore(CampaignCatalog.Sort.valueOf(chosenSort.toUpperCase(Locale.ROOT)),
                    chosenCategory.isEmpty() ? null : chosenCategory, null, Keyset.DEFAULT_LIMIT);
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("sort", chosenSort);
        filters.put("category", chosenCategory);
        String next = page.nextCursor() == null ? null : ListFilters.nextUrl("/campaigns", null, filters, page.nextCursor());
        model.addAttribute("page", new InvestPageModels.ExplorePage(page.items(), chosenSort, chosenCategory, SORTS, CATEGORIES, next));
        return "invest/explore";
    }

    @GetMapping("/campaigns/{campaignId}")
    String campaign(@AuthenticationPrincipal CurrentUser caller, @PathVariable CampaignId campaignId,
            @RequestParam(defaultValue = "") String investment, @RequestParam(defaultValue = "") String payment, Model model) {
        String notice = null;
        if (!investment.isEmpty()) {
            notice = "failed".equals(payment) ? "invest.notice.failed" : "invest.notice.returned";
        }
        return show(caller, campaignId, Map.of(), Map.of(), notice, model);
    }

    /** Holds the tier's unit and sends the investor to the payment's checkout; a refusal shows the page again with why. */
    @PostMapping("/campaigns/{campaignId}/invest")
    String invest(@AuthenticationPrincipal CurrentUser caller, @PathVariable CampaignId campaignId,
            @RequestParam(name = "tier_id", defaultValue = "") String tierId, @RequestParam(defaultValue = "") String amount,
            HttpServletResponse response, Model model) {
        UUID tier = ListFilters.pathId(tierId);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Investing.Started started = investing.invest(caller, campaignId, tier, amount.strip().replace(",", ""), null);
            return "redirect:" + started.checkout().redirectUrl();
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw e;
            }
            errors.put("form", e.type() == InvestProblems.TIER_SOLD_OUT ? "invest.error.sold_out"
                    : e.type() == InvestProblems.CAMPAIGN_NOT_ACTIVE ? "invest.error.not_active"
                    : e.type() == ProblemType.VALIDATION ? "invest.error.amount" : "invest.error.generic");
            if (e.properties().get("errors") instanceof List<?> fields && !fields.isEmpty() && fields.getFirst() instanceof FieldError field) {
                errors.put("detail", field.message());
            }
            response.setStatus(e.type().status().value());
        }
        return show(caller, campaignId, Map.of("tier_id", tierId, "amount", amount), errors, null, model);
    }

    @GetMapping("/investments")
    String mine(@AuthenticationPrincipal CurrentUser caller, @RequestParam(defaultValue = "") String cursor,
            @RequestParam(defaultValue = "") String cancelled, Model model) {
        return investments(caller, cursor, "1".equals(cancelled) ? "invest.cancel.done" : null, model);
    }

    /** The investor takes an investment back (asked to confirm on the page first); a refusal shows the list with why. */
    @PostMapping("/investments/{investmentId}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable InvestmentId investmentId, HttpServletResponse response,
            Model model) {
        try {
            investing.cancel(caller, investmentId.value());
            return "redirect:/investments?cancelled=1";
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.type().status().value());
            return investments(caller, "", e.type() == InvestProblems.CAMPAIGN_NOT_ACTIVE ? "invest.cancel.ended"
                    : e.type() == InvestProblems.INVESTMENT_NOT_CANCELLABLE ? "invest.cancel.not_confirmed" : "invest.cancel.failed", model);
        }
    }

    private String investments(CurrentUser caller, String cursor, String notice, Model model) {
        Page<InvestmentView> page;
        try {
            page = investments.mine(caller.id().value(), cursor, Keyset.DEFAULT_LIMIT);
        } catch (ProblemException e) {
            page = investments.mine(caller.id().value(), null, Keyset.DEFAULT_LIMIT);
        }
        String next = page.nextCursor() == null ? null : ListFilters.nextUrl("/investments", null, Map.of(), page.nextCursor());
        Set<UUID> cancellable = investments.cancellable(caller.id().value(), page.items().stream().map(InvestmentView::id).toList(),
                clock.instant());
        model.addAttribute("page", new InvestPageModels.InvestmentsPage(page.items(), next, cancellable, notice));
        return "invest/investments";
    }

    private String show(CurrentUser caller, CampaignId campaignId, Map<String, String> form, Map<String, String> errors, String notice,
            Model model) {
        CampaignCatalog.PublicCampaign campaign = catalog.publicCampaign(campaignId);
        boolean active = "active".equals(campaign.campaign().status()) && campaign.campaign().endDate() != null
                && campaign.campaign().endDate().isAfter(clock.instant());
        List<UpdateView> newest = updates.forReader(caller == null ? null : caller.id(), campaignId, null, UPDATES_SHOWN).items();
        model.addAttribute("page", new InvestPageModels.CampaignPage(campaign, active, caller != null, form, errors, notice, newest));
        return "invest/campaign";
    }
}

package id.modo.verse.invest.revenue;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.invest.CampaignId;
import id.modo.verse.invest.CampaignView;
import id.modo.verse.invest.Campaigns;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The creator's revenue page: the same rules as the revenue API, through the same facade. */
@Controller
class RevenuePagesController {

    private static final String PATH = "/organizations/{orgId}/campaigns/{campaignId}/revenue";
    private static final int PAYOUTS_SHOWN = 20;

    private final RevenueDistributions distributions;
    private final Campaigns campaigns;
    private final Organizations organizations;

    RevenuePagesController(RevenueDistributions distributions, Campaigns campaigns, Organizations organizations) {
        this.distributions = distributions;
        this.campaigns = campaigns;
        this.organizations = organizations;
    }

    @GetMapping(PATH)
    String show(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @RequestParam(defaultValue = "") String done, Model model) {
        return page(caller, orgId, campaignId, Map.of(), Map.of(), null, "recorded".equals(done) ? "investrevenue.editor.recorded"
                : "retried".equals(done) ? "investrevenue.editor.retried" : null, model);
    }

    @PostMapping(PATH)
    String record(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @RequestParam(name = "period_start", defaultValue = "") String start, @RequestParam(name = "period_end", defaultValue = "") String end,
            @RequestParam(name = "total_revenue", defaultValue = "") String total, HttpServletResponse response, Model model) {
        Map<String, String> form = Map.of("period_start", start, "period_end", end, "total_revenue", total);
        try {
            distributions.record(caller.id(), orgId, campaignId, new RevenueDistributions.RevenueRequest(blank(start), blank(end),
                    blank(total.replace(" ", "")), null));
            return "redirect:/organizations/" + orgId + "/campaigns/" + campaignId + "/revenue?done=recorded";
        } catch (ProblemException e) {
            response.setStatus(e.type().status().value());
            if (e.type() == ProblemType.VALIDATION) {
                Map<String, String> errors = new LinkedHashMap<>();
                if (e.properties().get("errors") instanceof List<?> list) {
                    list.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast)
                            .forEach(error -> errors.putIfAbsent(error.field(), "investrevenue.error." + error.field()));
                }
                return page(caller, orgId, campaignId, form, errors, null, null, model);
            }
            if (e.type() == RevenueProblems.PERIOD_OVERLAPS || e.type() == RevenueProblems.CAMPAIGN_NOT_FUNDED
                    || e.type() == RevenueProblems.NO_REVENUE_SHARE) {
                return page(caller, orgId, campaignId, form, Map.of(), "investrevenue.problem." + e.type().slug(), null, model);
            }
            throw e;
        }
    }

    @PostMapping(PATH + "/{distributionId}/payouts/{payoutId}/retry")
    String retry(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @PathVariable UUID distributionId, @PathVariable UUID payoutId) {
        distributions.retry(caller.id(), orgId, campaignId, distributionId, payoutId);
        return "redirect:/organizations/" + orgId + "/campaigns/" + campaignId + "/revenue?done=retried";
    }

    private String page(CurrentUser caller, OrganizationId orgId, CampaignId campaignId, Map<String, String> form,
            Map<String, String> errors, String problem, String notice, Model model) {
        Organizations.OrganizationView organization = organizations.get(caller.id(), orgId);
        CampaignView campaign = campaigns.get(caller.id(), orgId, campaignId);
        List<RevenuePage.Period> periods = distributions.list(caller.id(), orgId, campaignId, null, Keyset.MAX_LIMIT).items().stream()
                .map(d -> new RevenuePage.Period(d, distributions.payouts(caller.id(), orgId, campaignId, d.id(), 0, PAYOUTS_SHOWN)))
                .toList();
        boolean funded = "funded".equals(campaign.status()) || "completed".equals(campaign.status());
        model.addAttribute("page", new RevenuePage(orgId.toString(), organization.name(), campaign, periods, funded,
                organization.myRole().can(Permission.MANAGE_BILLING), form, errors, problem, notice));
        return "invest/revenue";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The creator's backers list: who invested, in which tier, and what is left of each amount after fees. */
@Controller
class BackersPagesController {

    private final Backers backers;
    private final Campaigns campaigns;
    private final Organizations organizations;

    BackersPagesController(Backers backers, Campaigns campaigns, Organizations organizations) {
        this.backers = backers;
        this.campaigns = campaigns;
        this.organizations = organizations;
    }

    @GetMapping("/organizations/{orgId}/campaigns/{campaignId}/backers")
    String backers(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @RequestParam(defaultValue = "") String cursor, Model model) {
        Organizations.OrganizationView organization = organizations.get(caller.id(), orgId);
        CampaignView campaign = campaigns.get(caller.id(), orgId, campaignId);
        Page<BackerView> page;
        try {
            page = backers.of(caller.id(), orgId, campaignId, cursor, Keyset.DEFAULT_LIMIT);
        } catch (ProblemException e) {
            // A cursor that was cut or edited: start the list again rather than show an error for a link.
            page = backers.of(caller.id(), orgId, campaignId, null, Keyset.DEFAULT_LIMIT);
        }
        String next = page.nextCursor() == null ? null : ListFilters.nextUrl("/organizations/{org}/campaigns/" + campaignId + "/backers",
                orgId.value(), Map.of(), page.nextCursor());
        model.addAttribute("page", new InvestPageModels.BackersPage(orgId.toString(), organization.name(), campaign, page.items(), next));
        return "invest/backers";
    }
}

package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.web.ListFilters;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
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

    private static final Map<String, String> REWARD_NOTICES = Map.of("done", "rew.fulfil.done", "transition", "rew.fulfil.error.transition",
            "tracking", "rew.fulfil.error.tracking", "status", "rew.fulfil.error.transition");

    private final Backers backers;
    private final Campaigns campaigns;
    private final Organizations organizations;
    private final RewardFulfilment rewards;

    BackersPagesController(Backers backers, Campaigns campaigns, Organizations organizations, RewardFulfilment rewards) {
        this.backers = backers;
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.rewards = rewards;
    }

    @GetMapping("/organizations/{orgId}/campaigns/{campaignId}/backers")
    String backers(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @RequestParam(defaultValue = "") String cursor, @RequestParam(defaultValue = "") String reward, Model model) {
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
        // Parcels to send, for the members who may ship them (the addresses are personal); outcome of the last form as a notice.
        if (organization.myRole().can(Permission.EDIT_CONTENT)) {
            model.addAttribute("rewards", rewards.ofCampaign(caller.id(), orgId, campaignId, TierReward.PHYSICAL, null, Keyset.MAX_LIMIT).items());
            model.addAttribute("rewardNotice", REWARD_NOTICES.get(reward));
        }
        return "invest/backers";
    }
}

package id.modo.verse.invest;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.invest.CampaignApi.RewardRequest;
import id.modo.verse.media.AssetView;
import id.modo.verse.media.Assets;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A tier's typed rewards in the editor: listed for every member, added and removed while the campaign is a draft by
 * members who edit content. Each change saves the tier whole through {@link Campaigns#changeTier}, the API's path, so
 * the same checks refuse the same input (and a launched campaign is 409 there too).
 */
@Controller
class TierRewardsPagesController {

    private static final String PATH = "/organizations/{orgId}/campaigns/{campaignId}/tiers/{tierId}/rewards";
    private static final List<String> FIELDS = List.of("type", "name", "description", "asset_id", "access_codes", "grants", "credits");

    private final Campaigns campaigns;
    private final Organizations organizations;
    private final Assets assets;

    TierRewardsPagesController(Campaigns campaigns, Organizations organizations, Assets assets) {
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.assets = assets;
    }

    @GetMapping(PATH)
    String rewards(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @PathVariable TierId tierId, @RequestParam(defaultValue = "") String done, Model model) {
        return page(caller, orgId, campaignId, tierId, Map.of(), Map.of(), done.isEmpty() ? null : "rew.tier.done." + done, model);
    }

    @PostMapping(PATH)
    String add(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @PathVariable TierId tierId, @RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        FIELDS.forEach(field -> form.put(field, params.getOrDefault(field, "").strip()));
        Map<String, String> errors = new LinkedHashMap<>();
        Integer credits = null;
        if (!form.get("credits").isEmpty()) {
            try {
                credits = Integer.valueOf(form.get("credits"));
            } catch (NumberFormatException e) {
                errors.put("credits", "rew.error.field");
            }
        }
        if (form.get("name").length() > 255 || form.get("description").length() > 2000 || form.get("grants").length() > 500) {
            errors.put(form.get("name").length() > 255 ? "name" : form.get("description").length() > 2000 ? "description" : "grants",
                    "rew.error.field");
        }
        if (errors.isEmpty()) {
            TierView tier = tier(caller, orgId, campaignId, tierId);
            List<String> codes = form.get("access_codes").isEmpty() ? null
                    : Arrays.stream(form.get("access_codes").split("\\R")).map(String::strip).filter(c -> !c.isEmpty()).toList();
            List<RewardRequest> rewards = new ArrayList<>(requests(tier.rewardItems()));
            rewards.add(new RewardRequest(form.get("type"), form.get("name"), form.get("description"), form.get("asset_id"), codes,
                    form.get("grants"), credits));
            try {
                campaigns.changeTier(caller.id(), orgId, campaignId, tierId, input(tier, rewards));
                return "redirect:" + path(orgId, campaignId, tierId) + "?done=added";
            } catch (ProblemException e) {
                if (e.type() == InvestProblems.CAMPAIGN_LOCKED) {
                    return "redirect:" + path(orgId, campaignId, tierId) + "?done=locked";
                }
                if (!(e.properties().get("errors") instanceof List<?> fields)) {
                    throw e;
                }
                String prefix = "reward_items[" + (rewards.size() - 1) + "].";
                fields.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast)
                        .forEach(f -> errors.put(f.field().startsWith(prefix) ? f.field().substring(prefix.length()) : "type", "rew.error.field"));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(caller, orgId, campaignId, tierId, form, errors, null, model);
    }

    @PostMapping(PATH + "/{key}/delete")
    String remove(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @PathVariable TierId tierId, @PathVariable String key) {
        TierView tier = tier(caller, orgId, campaignId, tierId);
        List<RewardRequest> rest = requests(tier.rewardItems().stream().filter(r -> !r.key().equals(key)).toList());
        try {
            campaigns.changeTier(caller.id(), orgId, campaignId, tierId, input(tier, rest));
        } catch (ProblemException e) {
            if (e.type() != InvestProblems.CAMPAIGN_LOCKED) {
                throw e;
            }
            return "redirect:" + path(orgId, campaignId, tierId) + "?done=locked";
        }
        return "redirect:" + path(orgId, campaignId, tierId) + "?done=removed";
    }

    private String page(CurrentUser caller, OrganizationId orgId, CampaignId campaignId, TierId tierId, Map<String, String> form,
            Map<String, String> errors, String notice, Model model) {
        Organizations.OrganizationView organization = organizations.get(caller.id(), orgId);
        CampaignView campaign = campaigns.get(caller.id(), orgId, campaignId);
        TierView tier = tier(caller, orgId, campaignId, tierId);
        boolean canEdit = organization.myRole().can(Permission.EDIT_CONTENT) && "draft".equals(campaign.status());
        List<AssetView> files = canEdit ? assets.page(caller.id(), orgId, null, null, null, 100).items() : List.of();
        model.addAttribute("page", new RewardPages.TierRewardsPage(orgId.toString(), organization.name(), campaign, tier, canEdit, files,
                form, errors, notice));
        return "invest/tier-rewards";
    }

    private TierView tier(CurrentUser caller, OrganizationId orgId, CampaignId campaignId, TierId tierId) {
        return campaigns.tiers(caller.id(), orgId, campaignId).stream().filter(t -> t.id().equals(tierId.value())).findFirst()
                .orElseThrow(Tiers::notFound);
    }

    private static String path(OrganizationId orgId, CampaignId campaignId, TierId tierId) {
        return "/organizations/" + orgId + "/campaigns/" + campaignId + "/tiers/" + tierId + "/rewards";
    }

    private static List<RewardRequest> requests(List<TierReward> rewards) {
        return rewards.stream().map(r -> new RewardRequest(r.type(), r.name(), r.description(),
                r.assetId() == null ? null : r.assetId().toString(), r.accessCodes(), r.grants(), r.credits())).toList();
    }

    private static TierInput input(TierView t, List<RewardRequest> rewards) {
        return new TierInput(t.name(), t.description(), t.minAmount(), t.maxAmount(), t.suggestedAmount(), t.benefits(), rewards,
                t.revenueSharePercent(), t.equityPercent(), t.nftIncluded(), t.nftCollectionId(), t.limitQuantity(), t.estimatedDelivery(),
                t.displayOrder(), t.featured());
    }
}

package id.modo.verse.invest;

import id.modo.verse.media.AssetView;
import java.util.List;
import java.util.Map;

/** The rewards pages' models (issue 18). */
public final class RewardPages {

    private RewardPages() {
    }

    /** An organization the investor may put credits into. */
    public record ClaimTarget(String id, String name) {
    }

    /**
     * The investor's rewards; {@code failedReward} the reward whose address form was refused, with what was typed
     * ({@code form}) and the message key of each refused field ({@code errors}).
     */
    public record MyRewardsPage(List<RewardView> rewards, List<ClaimTarget> claimTargets, String failedReward, Map<String, String> form,
            Map<String, String> errors, String notice, String nextUrl) {

        public Map<String, String> formOf(RewardView reward) {
            if (reward.id().toString().equals(failedReward)) {
                return form;
            }
            ShippingAddress a = reward.shippingAddress();
            return a == null ? Map.of() : Map.of("name", a.name(), "street", a.street(), "city", a.city(), "postal_code", a.postalCode(),
                    "country", a.country(), "phone", a.phone());
        }

        public Map<String, String> errorsOf(RewardView reward) {
            return reward.id().toString().equals(failedReward) ? errors : Map.of();
        }
    }

    /** A tier's rewards in the editor: the list, and while the campaign is a draft the form to add one. */
    public record TierRewardsPage(String organizationId, String organizationName, CampaignView campaign, TierView tier, boolean canEdit,
            List<AssetView> assets, Map<String, String> form, Map<String, String> errors, String notice) {
    }
}

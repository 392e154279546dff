package id.modo.verse.invest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What the invest pages show. Errors are message keys by field name. */
public final class InvestPageModels {

    private InvestPageModels() {
    }

    public record ExplorePage(List<CampaignCard> campaigns, String sort, String category, List<String> sorts, List<String> categories,
            String nextUrl) {
    }

    /**
     * A public campaign; {@code form} holds what the investor typed ({@code tier_id}, {@code amount}) when it was refused.
     * {@code notice} is the key of the message for an investor back from the checkout. {@code updates}: the newest the
     * reader may see.
     */
    public record CampaignPage(CampaignCatalog.PublicCampaign campaign, boolean canInvest, boolean signedIn, Map<String, String> form,
            Map<String, String> errors, String notice, List<UpdateView> updates) {
    }

    /** The creator's updates of one campaign, with the form to post one when the reader may. */
    public record UpdatesPage(String organizationId, String organizationName, CampaignView campaign, List<UpdateView> updates,
            boolean canPost, Map<String, String> form, Map<String, String> errors, String notice, String nextUrl) {
    }

    /** {@code cancellable}: the investments the investor may still take back (confirmed, campaign running). */
    public record InvestmentsPage(List<InvestmentView> investments, String nextUrl, Set<UUID> cancellable, String notice) {
    }

    public record OrganizationCampaignsPage(String organizationId, String organizationName, List<CampaignCard> campaigns, boolean canEdit,
            Map<String, String> errors, String title, String nextUrl) {
    }

    /** The creator's editor: the campaign, its tiers, what may change in its status, and the form's state. */
    public record EditorPage(String organizationId, String organizationName, CampaignView campaign, List<TierView> tiers, boolean canEdit,
            Map<String, String> form, Map<String, String> errors, List<String> problems, String notice, List<String> categories,
            List<String> fundingTypes) {

        public boolean draft() {
            return "draft".equals(campaign.status());
        }

        public boolean pitchOpen() {
            return draft() || "active".equals(campaign.status());
        }
    }

    /** The creator's backers list of one campaign (see {@link Backers}). */
    public record BackersPage(String organizationId, String organizationName, CampaignView campaign, List<BackerView> backers,
            String nextUrl) {
    }

    public record ReviewPage(List<ReviewItem> queue, String nextUrl, String notice, Map<String, String> errors, List<CampaignCard> ended) {
    }

    public record ReviewItem(CampaignCard card, CampaignView campaign, List<TierView> tiers) {
    }
}

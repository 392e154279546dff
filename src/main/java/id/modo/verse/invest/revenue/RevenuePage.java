package id.modo.verse.invest.revenue;

import id.modo.verse.invest.CampaignView;
import java.util.List;
import java.util.Map;

/**
 * The creator's revenue page of one campaign: its recorded periods with their split and the largest payouts, and the
 * form to record a period, shown only to members who may ({@code canRecord}) once the campaign is funded.
 */
public record RevenuePage(String organizationId, String organizationName, CampaignView campaign, List<Period> periods, boolean funded,
        boolean canRecord, Map<String, String> form, Map<String, String> errors, String problem, String notice) {

    public record Period(DistributionView distribution, List<PayoutView> payouts) {
    }
}

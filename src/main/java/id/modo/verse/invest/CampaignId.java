package id.modo.verse.invest;

import java.util.UUID;

/** The identity of a campaign, as clients and other modules see it. */
public record CampaignId(UUID value) {

    public CampaignId {
        if (value == null) {
            throw new IllegalArgumentException("A campaign id is required");
        }
    }

    public static CampaignId of(UUID value) {
        return new CampaignId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

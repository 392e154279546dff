package id.modo.verse.invest;

import java.util.List;
import java.util.UUID;

/**
 * One reward a tier promises, as {@code investment_tiers.reward_items} stores it. {@code key} ("r1", "r2", …) is given by
 * position when the tier is saved: tiers only change while the campaign is a draft, before any investment, so a key
 * names the same reward for every investor. Which of the other fields are set depends on the type: a digital reward
 * has an {@code assetId} (a file of the organization's media library) or {@code accessCodes} (one code for everyone, or
 * a pool with a code per investor); access has {@code grants}; credit has {@code credits}; physical and revenue_share
 * have none (revenue_share follows the tier's {@code revenue_share_percent}).
 */
public record TierReward(String key, String type, String name, String description, UUID assetId, List<String> accessCodes,
        String grants, Integer credits) {

    public static final String DIGITAL = "digital";
    public static final String PHYSICAL = "physical";
    public static final String ACCESS = "access";
    public static final String REVENUE_SHARE = "revenue_share";
    public static final String CREDIT = "credit";
    /** The types a creator may choose. The ERD's {@code nft} is left out: nothing mints or delivers one yet. */
    public static final List<String> TYPES = List.of(DIGITAL, PHYSICAL, ACCESS, REVENUE_SHARE, CREDIT);
}

package id.modo.verse.invest;

import id.modo.verse.common.FieldError;
import id.modo.verse.invest.CampaignApi.RewardRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Turns the rewards a creator sent for a tier into typed {@link TierReward}s, naming each refused field as
 * {@code reward_items[i].field}: a type that is not offered, data that does not belong to the type, a download that is
 * not a file of the organization, credits out of range, a pool of codes smaller than the tier's limit.
 */
final class TierRewardChecks {

    static final int MAX_CREDITS = 1_000_000;
    static final int MAX_CODES = 1000;

    private TierRewardChecks() {
    }

    /** The typed rewards; refusals are added to {@code errors} (the list is then not to be used). */
    static List<TierReward> typed(List<RewardRequest> requests, BigDecimal revenueSharePercent, Integer limitQuantity,
            Predicate<UUID> organizationAsset, List<FieldError> errors) {
        List<TierReward> rewards = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            RewardRequest request = requests.get(i);
            String at = "reward_items[" + i + "].";
            if (request == null) {
                errors.add(new FieldError("reward_items[" + i + "]", "must not be null"));
                continue;
            }
            String type = request.type() == null ? "" : request.type().strip();
            if (!TierReward.TYPES.contains(type)) {
                errors.add(new FieldError(at + "type", "must be one of " + String.join(", ", TierReward.TYPES)
                        + ("nft".equals(type) ? " (nft rewards are not offered)" : "")));
                continue;
            }
            String name = strip(request.name());
            if (name == null) {
                errors.add(new FieldError(at + "name", "must not be blank"));
            }
            UUID asset = null;
            List<String> codes = request.accessCodes() == null ? null : request.accessCodes().stream().map(TierRewardChecks::strip).toList();
            if (isDigital(type)) {
                asset = asset(request.assetId(), at, organizationAsset, errors);
                checkCodes(codes, asset != null || request.assetId() != null && !request.assetId().isBlank(), limitQuantity, at, errors);
            } else {
                absent(request.assetId(), at + "asset_id", type, errors);
                absent(codes, at + "access_codes", type, errors);
                codes = null;
            }
            String grants = strip(request.grants());
            if (TierReward.ACCESS.equals(type) && grants == null) {
                errors.add(new FieldError(at + "grants", "must say what the reward gives access to"));
            } else if (!TierReward.ACCESS.equals(type)) {
                absent(grants, at + "grants", type, errors);
                grants = null;
            }
            Integer credits = request.credits();
            if (TierReward.CREDIT.equals(type) && (credits == null || credits < 1 || credits > MAX_CREDITS)) {
                errors.add(new FieldError(at + "credits", "must be a whole number from 1 to " + MAX_CREDITS));
            } else if (!TierReward.CREDIT.equals(type)) {
                absent(credits, at + "credits", type, errors);
                credits = null;
            }
            if (TierReward.REVENUE_SHARE.equals(type) && (revenueSharePercent == null || revenueSharePercent.signum() <= 0)) {
                errors.add(new FieldError(at + "type", "revenue_share needs the tier's revenue_share_percent above 0"));
            }
            rewards.add(new TierReward("r" + (i + 1), type, name, strip(request.description()), asset,
                    codes == null || codes.isEmpty() ? null : codes, grants, credits));
        }
        return rewards;
    }

    private static boolean isDigital(String type) {
        return TierReward.DIGITAL.equals(type);
    }

    private static UUID asset(String assetId, String at, Predicate<UUID> organizationAsset, List<FieldError> errors) {
        if (assetId == null || assetId.isBlank()) {
            return null;
        }
        try {
            UUID id = UUID.fromString(assetId.strip());
            if (organizationAsset.test(id)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // Not an id at all: refused below like an id of no file of the organization.
        }
        errors.add(new FieldError(at + "asset_id", "must be a file of the organization's media library"));
        return null;
    }

    /** A digital reward is a download or codes, never both; a pool of several codes must cover every unit of the tier. */
    private static void checkCodes(List<String> codes, boolean hasAsset, Integer limitQuantity, String at, List<FieldError> errors) {
        boolean hasCodes = codes != null && !codes.isEmpty();
        if (hasAsset == hasCodes) {
            errors.add(new FieldError(at + "asset_id", "a digital reward needs either asset_id or access_codes, not both"));
            return;
        }
        if (!hasCodes) {
            return;
        }
        Set<String> seen = new HashSet<>();
        if (codes.size() > MAX_CODES || codes.stream().anyMatch(c -> c == null || c.length() > 255 || !seen.add(c))) {
            errors.add(new FieldError(at + "access_codes", "must be 1 to " + MAX_CODES + " different codes of at most 255 characters"));
        } else if (codes.size() > 1 && (limitQuantity == null || limitQuantity > codes.size())) {
            errors.add(new FieldError(at + "access_codes", "a pool of codes must hold one for every unit: set the tier's limit_quantity to at most "
                    + codes.size() + ", or give one code for everyone"));
        }
    }

    private static void absent(Object value, String field, String type, List<FieldError> errors) {
        boolean present = value instanceof String text ? !text.isBlank() : value instanceof List<?> list ? !list.isEmpty() : value != null;
        if (present) {
            errors.add(new FieldError(field, "must be empty for a " + type + " reward"));
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package id.modo.verse.common.web;

import id.modo.verse.common.Formats;
import id.modo.verse.common.ProblemException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reached plan limit as a page shows it beside the form that met it: the limit, what is in use, the plan that lifts
 * it and where to upgrade, read from the problem's members (see {@code organization.PlanUpgrades}).
 *
 * @param plan the plan key that allows more, null when none on offer does
 */
public record PlanLimitNotice(String resource, long limit, long used, String currentPlan, @Nullable String plan, String upgradeUrl) {

    /** The notice of a refused request, or null when its problem does not name a plan limit. */
    public static @Nullable PlanLimitNotice of(ProblemException problem) {
        Map<String, Object> members = problem.properties();
        if (!(members.get("resource") instanceof String resource) || !(members.get("limit") instanceof Number limit)
                || !(members.get("used") instanceof Number used) || !(members.get("upgrade_url") instanceof String upgradeUrl)) {
            return null;
        }
        return new PlanLimitNotice(resource, limit.longValue(), used.longValue(), String.valueOf(members.get("current_plan")),
                members.get("plan") instanceof String plan ? plan : null, upgradeUrl);
    }

    /** A number of this limit in the reader's language: storage in bytes' units, the rest as counts. */
    public String amount(long value, Locale locale) {
        return resource.equals("storage_bytes") ? Formats.bytes(value, locale) : Formats.number(value, locale);
    }
}

package id.modo.verse.billing;

import id.modo.verse.common.ProblemException;
import id.modo.verse.organization.MemberLimits;
import id.modo.verse.organization.OrganizationId;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.stereotype.Service;

/**
 * The limits of an organization's current plan. Members are enforced now (through {@link MemberLimits}); Studio asks
 * {@link #projectLimit} before creating a project and Media {@link #storageLimitBytes} before storing a file, answering
 * with {@link #limitReached} when they would go over.
 */
@Service
public class PlanLimits implements MemberLimits {

    private final Plans plans;

    PlanLimits(Plans plans) {
        this.plans = plans;
    }

    /** The plan the organization is on now. */
    public Plan currentPlan(OrganizationId organization) {
        return plans.currentOf(organization.value()).orElseGet(plans::free);
    }

    /** How many projects the plan allows; empty for unlimited. */
    public OptionalInt projectLimit(OrganizationId organization) {
        Integer limit = currentPlan(organization).projectLimit();
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    public long storageLimitBytes(OrganizationId organization) {
        return currentPlan(organization).storageLimitBytes();
    }

    /** How many members (with open invitations) the plan allows; empty for unlimited. */
    public OptionalInt memberLimit(OrganizationId organization) {
        Integer limit = currentPlan(organization).memberLimit();
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** How many AI generations the organization runs at once; more wait for a free slot. */
    public int aiConcurrency(OrganizationId organization) {
        return currentPlan(organization).aiConcurrency();
    }

    @Override
    public void checkCanAdd(OrganizationId organization, int currentMembersAndPending) {
        Plan plan = currentPlan(organization);
        if (plan.memberLimit() != null && currentMembersAndPending + 1 > plan.memberLimit()) {
            throw limitReached(organization, plan, "members", currentMembersAndPending, plan.memberLimit());
        }
    }

    /** The 402 problem for a limit ({@code members}, {@code projects}, {@code storage_bytes}) the plan does not allow more of. */
    public static ProblemException limitReached(OrganizationId organization, Plan plan, String limit, long current, long allowed) {
        String upgrade = "/organizations/" + organization.value() + "/billing";
        return new ProblemException(BillingProblems.PLAN_LIMIT_REACHED, "The " + plan.name() + " plan allows " + allowed + " " + limit.replace('_', ' ')
                + " and this organization has " + current + ". Upgrade on " + upgrade + " to add more.",
                Map.of("limit", limit, "current", current, "allowed", allowed, "plan", plan.key(), "upgrade_url", upgrade));
    }
}

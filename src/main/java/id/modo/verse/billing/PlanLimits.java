package id.modo.verse.billing;

import id.modo.verse.common.ProblemException;
import id.modo.verse.organization.MemberLimits;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.PlanUpgrades;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.stereotype.Service;

/**
 * The limits of an organization's current plan. Members are enforced now (through {@link MemberLimits}); Studio asks
 * {@link #projectLimit} before creating a project and Media {@link #storageLimitBytes} before storing a file, answering
 * with {@link #limitReached} when they would go over.
 */
@Service
public class PlanLimits implements MemberLimits, PlanUpgrades {

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
            throw limitReached(organization, "members", currentMembersAndPending, plan.memberLimit());
        }
    }

    /**
     * The 402 problem for a limit ({@code members}, {@code projects}) the plan does not allow more of: what the limit
     * is, what is in use, and the plan that allows one more.
     */
    public ProblemException limitReached(OrganizationId organization, String resource, long used, long limit) {
        Map<String, Object> members = limitReached(organization, resource, used, limit, used + 1);
        return new ProblemException(BillingProblems.PLAN_LIMIT_REACHED, "The " + currentPlan(organization).name() + " plan allows " + limit + " "
                + resource.replace('_', ' ') + " and this organization has " + used + ". " + lift(members), members);
    }

    @Override
    public Map<String, Object> limitReached(OrganizationId organization, String resource, long used, long limit, long needed) {
        return members(organization, resource, limit, used, lifting(plan -> switch (resource) {
            case "members" -> plan.memberLimit() == null || plan.memberLimit() >= needed;
            case "projects" -> plan.projectLimit() == null || plan.projectLimit() >= needed;
            case "storage_bytes" -> plan.storageLimitBytes() >= needed;
            default -> throw new IllegalArgumentException("No plan limit called " + resource);
        }));
    }

    @Override
    public Map<String, Object> creditsRunOut(OrganizationId organization, long available, long asked) {
        long allowance = currentPlan(organization).monthlyCredits();
        Map<String, Object> members = members(organization, "credits", allowance, Math.max(0, allowance - available),
                lifting(plan -> plan.monthlyCredits() >= asked && plan.monthlyCredits() > allowance));
        members.put("credits_url", "/organizations/" + organization.value() + "/credits");
        return members;
    }

    /** The sentence of a problem's detail that says which plan lifts the limit, from its members. */
    public static String lift(Map<String, Object> members) {
        return members.containsKey("plan")
                ? "The " + members.get("plan_name") + " plan allows more: upgrade on " + members.get("upgrade_url") + "."
                : "No plan on offer allows more.";
    }

    private Map<String, Object> members(OrganizationId organization, String resource, long limit, long used, Optional<Plan> lifting) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("resource", resource);
        members.put("limit", limit);
        members.put("used", used);
        members.put("current_plan", currentPlan(organization).key());
        lifting.ifPresent(plan -> {
            members.put("plan", plan.key());
            members.put("plan_name", plan.name());
        });
        members.put("upgrade_url", "/organizations/" + organization.value() + "/billing");
        return members;
    }

    /** The first plan on offer, in the catalogue's order, that satisfies {@code allows}. */
    private Optional<Plan> lifting(java.util.function.Predicate<Plan> allows) {
        return plans.all().stream().filter(plan -> plan.purchasable() && allows.test(plan)).min(Comparator.comparingInt(Plan::sortOrder));
    }
}

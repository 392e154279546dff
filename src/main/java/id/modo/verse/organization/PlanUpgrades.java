package id.modo.verse.organization;

import java.util.Map;

/**
 * Lets the module that sells plans say, in a refused request, which limit was reached, how much is in use, which
 * plan lifts it and where to upgrade. Asked by the modules that enforce a limit (members here, projects, storage,
 * credits), implemented by billing, so none of them depends on the module that depends on them.
 */
public interface PlanUpgrades {

    /**
     * The problem members of a reached limit: {@code resource} ({@code members}, {@code projects},
     * {@code storage_bytes}), {@code limit}, {@code used}, {@code current_plan}, {@code plan} (the first plan on offer
     * that allows {@code needed}; absent when none does) and {@code upgrade_url}.
     */
    Map<String, Object> limitReached(OrganizationId organization, String resource, long used, long limit, long needed);

    /**
     * The problem members of running out of credits: {@code resource} {@code credits}, {@code limit} (the current plan's
     * monthly credits), {@code used} (how much of them is gone: the allowance less what is {@code available}, never
     * below zero), {@code current_plan}, {@code plan} (the first plan on offer whose monthly credits cover {@code asked})
     * and {@code upgrade_url}, plus {@code credits_url}, where credit packs are bought.
     */
    Map<String, Object> creditsRunOut(OrganizationId organization, long available, long asked);
}

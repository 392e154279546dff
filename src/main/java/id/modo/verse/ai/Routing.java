package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.billing.Plan;
import id.modo.verse.billing.PlanLimits;
import id.modo.verse.organization.OrganizationId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Which model and key serve a request, in the order to try them: the organization's own keys first when its plan
 * allows BYOK, then the platform's keys; within each, the plan's own model for the kind, then the platform default,
 * then the rest of the admins' fallback chain. Models whose provider has no key here are left out.
 */
@Service
class Routing {

    private final ModelCatalogue catalogue;
    private final OrganizationKeys organizationKeys;
    private final PlatformKeys platformKeys;
    private final PlanLimits planLimits;

    Routing(ModelCatalogue catalogue, OrganizationKeys organizationKeys, PlatformKeys platformKeys, PlanLimits planLimits) {
        this.catalogue = catalogue;
        this.organizationKeys = organizationKeys;
        this.platformKeys = platformKeys;
        this.planLimits = planLimits;
    }

    /** The routes for the organization's next generation of the type; empty when AI is not configured for it. */
    List<Route> routes(OrganizationId organization, GenerationType type) {
        return routes(planLimits.currentPlan(organization), organization, type);
    }

    /** As {@link #routes(OrganizationId, GenerationType)} on the plan the caller read for this generation. */
    List<Route> routes(Plan plan, OrganizationId organization, GenerationType type) {
        Map<ProviderKind, String> ownKeys = plan.byokAllowed() ? organizationKeys.usable(organization) : Map.of();
        return order(catalogue.enabled(type.kind()), plan.key(), ownKeys, platformKeys);
    }

    static List<Route> order(List<AiModel> models, String plan, Map<ProviderKind, String> ownKeys, PlatformKeys platformKeys) {
        List<AiModel> allowed = models.stream().filter(model -> model.allows(plan))
                .sorted(Comparator.comparing((AiModel model) -> !model.isPlansOwn(plan))
                        .thenComparing(model -> !model.isDefault())
                        .thenComparingInt(AiModel::fallbackPosition))
                .toList();
        List<Route> routes = new ArrayList<>();
        for (AiModel model : allowed) {
            String key = ownKeys.get(model.provider());
            if (key != null) {
                routes.add(new Route(model, platformKeys.withOwnKey(model.provider(), key), true));
            }
        }
        for (AiModel model : allowed) {
            platformKeys.connection(model.provider()).ifPresent(connection -> routes.add(new Route(model, connection, false)));
        }
        return List.copyOf(routes);
    }
}

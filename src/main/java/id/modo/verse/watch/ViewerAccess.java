package id.modo.verse.watch;

import id.modo.verse.billing.Plan;
import id.modo.verse.billing.PlanLimits;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who may play what, decided where the video is served (playlists and segments), not only in lists. A published content
 * is listed to everyone signed in; playing it needs its visibility's plan: {@code free} anyone signed in,
 * {@code subscribers} a member of an organization on a paid plan, {@code premium} a member of an organization on a
 * plan that includes premium ({@link #PREMIUM_PLANS}). The publishing organization's members may always play its
 * contents, published or not (to check them before publishing); a content nobody may see answers 404.
 */
@Service
public class ViewerAccess {

    /** The plans whose members watch premium contents. */
    static final Set<String> PREMIUM_PLANS = Set.of("pro", "team", "enterprise");

    private final Organizations organizations;
    private final PlanLimits plans;

    ViewerAccess(Organizations organizations, PlanLimits plans) {
        this.organizations = organizations;
        this.plans = plans;
    }

    /** What the viewer may do with a content: see it (else 404 for the caller) and play it. */
    public record Access(boolean visible, boolean playable, boolean publisher) {
    }

    public Access of(UserId viewer, UUID organization, ContentStatus status, ContentVisibility visibility) {
        boolean publisher = organizations.membership(viewer, OrganizationId.of(organization)).isPresent();
        if (publisher) {
            return new Access(true, true, true);
        }
        if (status != ContentStatus.PUBLISHED) {
            return new Access(false, false, false);
        }
        return new Access(true, entitled(viewer, visibility), false);
    }

    /** 404 when the viewer may not see it, 403 {@code plan-required} when they see it but their plan does not let them play it. */
    public void requirePlayable(UserId viewer, UUID organization, ContentStatus status, ContentVisibility visibility) {
        Access access = of(viewer, organization, status, visibility);
        if (!access.visible()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no such video.");
        }
        if (!access.playable()) {
            throw new ProblemException(WatchProblems.PLAN_REQUIRED, visibility == ContentVisibility.PREMIUM
                    ? "This title is for premium plans (Pro, Team, Enterprise). Upgrade your organization's plan to watch it."
                    : "This title is for subscribers. Subscribe to a paid plan to watch it.", java.util.Map.of("visibility", visibility.dbValue()));
        }
    }

    private boolean entitled(UserId viewer, ContentVisibility visibility) {
        if (visibility == ContentVisibility.FREE) {
            return true;
        }
        for (var organization : organizations.mine(viewer)) {
            Plan plan = plans.currentPlan(organization.id());
            if (visibility == ContentVisibility.SUBSCRIBERS ? !plan.isFree() : PREMIUM_PLANS.contains(plan.key())) {
                return true;
            }
        }
        return false;
    }
}

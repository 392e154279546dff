package id.modo.verse.invest;

import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of the invest module's API and facades. */
public final class InvestProblems {

    /** A status move the campaign's state does not allow; members {@code from}, {@code to}, {@code allowed}. */
    public static final ProblemType ILLEGAL_TRANSITION = ProblemType.of(HttpStatus.CONFLICT, "illegal-transition",
            "This status change is not allowed");
    /** Submitting or approving a campaign that misses what a launch needs; {@code errors} names each field. */
    public static final ProblemType CAMPAIGN_INCOMPLETE = ProblemType.of(HttpStatus.CONFLICT, "campaign-incomplete",
            "The campaign is not ready to launch");
    /** Changing what a campaign's status no longer lets change (its terms once submitted, its tiers once launched). */
    public static final ProblemType CAMPAIGN_LOCKED = ProblemType.of(HttpStatus.CONFLICT, "campaign-locked",
            "This part of the campaign can no longer change");
    /** Investing in a campaign that is not active (a draft, one under review, ended or cancelled). */
    public static final ProblemType CAMPAIGN_NOT_ACTIVE = ProblemType.of(HttpStatus.CONFLICT, "campaign-not-active",
            "The campaign does not take investments");
    /** Every unit of the tier is taken (confirmed, or held by a payment still open). */
    public static final ProblemType TIER_SOLD_OUT = ProblemType.of(HttpStatus.CONFLICT, "tier-sold-out", "This tier is sold out");
    /** Cancelling a campaign that already holds investments: they would have to be refunded first. */
    public static final ProblemType CAMPAIGN_HAS_INVESTMENTS = ProblemType.of(HttpStatus.CONFLICT, "campaign-has-investments",
            "The campaign already has investments");

    /** Cancelling an investment that is not confirmed (still waiting for its payment, or already cancelled or refunded). */
    public static final ProblemType INVESTMENT_NOT_CANCELLABLE = ProblemType.of(HttpStatus.CONFLICT, "investment-not-cancellable",
            "This investment cannot be cancelled");

    /** A reward move its status does not allow (creator's fulfilment); members {@code from}, {@code to}, {@code allowed}. */
    public static final ProblemType REWARD_TRANSITION = ProblemType.of(HttpStatus.CONFLICT, "reward-transition",
            "This reward status change is not allowed");
    /** Changing a reward its type or status no longer lets change (an address once shipped, a claim once granted). */
    public static final ProblemType REWARD_NOT_EDITABLE = ProblemType.of(HttpStatus.CONFLICT, "reward-not-editable",
            "This reward can no longer change");

    public static final ProblemType SLUG_TAKEN = ProblemType.of(HttpStatus.CONFLICT, "slug-taken", "Address already taken");

    private InvestProblems() {
    }
}

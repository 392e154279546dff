package id.modo.verse.invest.revenue;

import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of revenue distribution and payouts. */
public final class RevenueProblems {

    /** Revenue is recorded only for a campaign that ended funded (or is completed); member {@code campaign_status}. */
    public static final ProblemType CAMPAIGN_NOT_FUNDED = ProblemType.of(HttpStatus.CONFLICT, "campaign-not-funded",
            "Revenue is shared only for a funded campaign");
    /** The period overlaps one already recorded for the campaign; member {@code overlaps} names it. */
    public static final ProblemType PERIOD_OVERLAPS = ProblemType.of(HttpStatus.CONFLICT, "revenue-period-overlaps",
            "This period overlaps a recorded one");
    /** No confirmed investment of the campaign carries a revenue share, so there is nobody to share with. */
    public static final ProblemType NO_REVENUE_SHARE = ProblemType.of(HttpStatus.CONFLICT, "no-revenue-share",
            "No investment shares in this campaign's revenue");
    /** Only a failed payout can be tried again; member {@code payout_status}. */
    public static final ProblemType PAYOUT_NOT_FAILED = ProblemType.of(HttpStatus.CONFLICT, "payout-not-failed",
            "Only a failed payout can be retried");

    private RevenueProblems() {
    }
}

package id.modo.verse.billing;

import id.modo.verse.common.IllegalTransitionException;
import java.util.List;

/** A move the subscription's state does not allow; answered 409 with the moves it does allow. */
public class SubscriptionTransitionException extends IllegalTransitionException {

    SubscriptionTransitionException(String move, SubscriptionStatus status, String plan, List<String> allowed) {
        super(BillingProblems.SUBSCRIPTION_TRANSITION, "The " + status.dbValue().replace('_', ' ') + " " + plan + " subscription cannot "
                + move.replace('_', ' ') + ". Allowed now: " + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed)) + ".",
                status.dbValue(), move, allowed);
    }
}

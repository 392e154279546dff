package id.modo.verse.billing;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A move the subscription's state does not allow; answered 409 with the moves it does allow. */
public class SubscriptionTransitionException extends ProblemException {

    static final ProblemType TYPE = ProblemType.of(HttpStatus.CONFLICT, "subscription-transition", "Not possible in the subscription's state");

    SubscriptionTransitionException(String move, SubscriptionStatus status, String plan, List<String> allowed) {
        super(TYPE, "The " + status.dbValue().replace('_', ' ') + " " + plan + " subscription cannot " + move.replace('_', ' ') + ". Allowed now: "
                + (allowed.isEmpty() ? "nothing" : String.join(", ", allowed)) + ".",
                Map.of("subscription_status", status.dbValue(), "plan", plan, "allowed_moves", allowed));
    }
}

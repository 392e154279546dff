package id.modo.verse.billing;

import java.util.Locale;

/** Where a subscription is in its life; see {@link Subscription} for the moves between them. */
public enum SubscriptionStatus {
    TRIALING, ACTIVE, PAST_DUE, PAUSED, CANCELED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

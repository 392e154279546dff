package id.modo.verse.billing;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How often a plan is paid for. A period is one calendar month or year (in UTC) from its start. */
public enum BillingCycle {
    MONTHLY, YEARLY;

    public Instant periodEnd(Instant start) {
        var at = start.atZone(ZoneOffset.UTC);
        return (this == MONTHLY ? at.plusMonths(1) : at.plusYears(1)).toInstant();
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BillingCycle fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** A cycle from a client: monthly or yearly, else 400 naming the field. */
    public static BillingCycle parse(String value, String field) {
        if (value != null) {
            for (BillingCycle cycle : values()) {
                if (cycle.dbValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return cycle;
                }
            }
        }
        throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.",
                Map.of("errors", List.of(new FieldError(field, "must be monthly or yearly"))));
    }
}

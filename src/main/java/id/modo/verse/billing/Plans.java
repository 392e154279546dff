package id.modo.verse.billing;

import id.modo.verse.common.AuditedEvent;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.Money;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plan catalogue: read by everyone (the pricing page, the billing page), edited by platform admins. */
@Service
public class Plans {

    private static final String SELECT = "select p.*, coalesce((p.features ->> 'byok_allowed')::boolean, false) as byok_allowed from plans p";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Plans(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Every plan in catalogue order, inactive ones included (admins see them; pages filter). */
    @Transactional(readOnly = true)
    public List<Plan> all() {
        return jdbc.sql(SELECT + " order by sort_order, key").query(Plans::plan).list();
    }

    @Transactional(readOnly = true)
    public Optional<Plan> find(String key) {
        return key == null ? Optional.empty()
                : jdbc.sql(SELECT + " where key = ?").param(key).query(Plans::plan).optional();
    }

    /** The plan of a key a client sent, else 400 {@code unknown-plan} naming {@code field}. */
    public Plan require(String key, String field) {
        return find(key == null ? null : key.strip().toLowerCase(java.util.Locale.ROOT)).orElseThrow(() -> new ProblemException(BillingProblems.UNKNOWN_PLAN,
                key == null || key.isBlank() ? "Choose a plan: free, byok, starter, pro, team or enterprise."
                        : "There is no plan '" + (key.length() > 30 ? key.substring(0, 30) + "…" : key) + "'. Plans: free, byok, starter, pro, team, enterprise.",
                Map.of("errors", List.of(new FieldError(field, "must be one of free, byok, starter, pro, team, enterprise")))));
    }

    /**
     * The plan whose limits apply to the organization now, as {@link Subscriptions#currentPlan} decides it (free without a
     * subscription or while it is paused), read with the plan in one statement and no transaction of its own: the AI
     * gateway asks for it on every generation.
     */
    Optional<Plan> currentOf(UUID organization) {
        return jdbc.sql(SELECT + " where p.key = coalesce((select s.plan from subscriptions s"
                        + " where s.organization_id = ? and s.status not in ('canceled', 'paused')), 'free')")
                .param(organization).query(Plans::plan).optional();
    }

    Plan free() {
        return find(Plan.FREE).orElseThrow(() -> new IllegalStateException("The free plan is missing from the catalogue"));
    }

    /** What a platform admin may change on a plan; the key, and free's zero price, stay. */
    public record PlanChange(String name, String monthlyPrice, String yearlyPrice, Integer monthlyCredits, Integer rolloverCap,
            Long storageLimitBytes, Integer projectLimit, Integer memberLimit, Boolean byokAllowed, Boolean active, Integer sortOrder,
            Integer aiConcurrency) {
    }

    /** Replaces a plan's terms (every field is required), audited as {@code plan_update}. Prices are IDR, tax-exclusive. */
    @Transactional
    public Plan update(UserId admin, String key, PlanChange change) {
        Plan before = require(key, "key");
        List<FieldError> errors = new ArrayList<>();
        String name = change.name() == null ? null : change.name().strip();
        if (name == null || name.isEmpty() || name.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        Money monthly = price(change.monthlyPrice(), "monthly_price", errors);
        Money yearly = price(change.yearlyPrice(), "yearly_price", errors);
        if (before.isFree() && ((monthly != null && !monthly.isZero()) || (yearly != null && !yearly.isZero()))) {
            errors.add(new FieldError("monthly_price", "the free plan costs nothing"));
        }
        nonNegative(change.monthlyCredits(), "monthly_credits", errors, true);
        nonNegative(change.rolloverCap(), "rollover_cap", errors, true);
        if (change.storageLimitBytes() == null || change.storageLimitBytes() < 0) {
            errors.add(new FieldError("storage_limit_bytes", "must be 0 or more"));
        }
        nonNegative(change.projectLimit(), "project_limit", errors, false);
        if (change.memberLimit() != null && change.memberLimit() < 1) {
            errors.add(new FieldError("member_limit", "must be at least 1, or null for unlimited"));
        }
        if (change.byokAllowed() == null) {
            errors.add(new FieldError("byok_allowed", "must be true or false"));
        }
        if (change.active() == null || (before.isFree() && !change.active())) {
            errors.add(new FieldError("active", before.isFree() ? "the free plan stays active" : "must be true or false"));
        }
        nonNegative(change.sortOrder(), "sort_order", errors, true);
        if (change.aiConcurrency() == null || change.aiConcurrency() < 1 || change.aiConcurrency() > 1000) {
            errors.add(new FieldError("ai_concurrency", "must be 1 to 1000"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        jdbc.sql("""
                update plans set name = ?, monthly_price = ?, yearly_price = ?, monthly_credits = ?, rollover_cap = ?,
                  storage_limit_bytes = ?, project_limit = ?, member_limit = ?,
                  features = jsonb_set(features, '{byok_allowed}', to_jsonb(?::boolean)), active = ?, sort_order = ?,
                  ai_concurrency = ?, updated_at = ?, version = version + 1
                where key = ?""")
                .params(name, monthly.amount(), yearly.amount(), change.monthlyCredits(), change.rolloverCap(),
                        change.storageLimitBytes(), change.projectLimit(), change.memberLimit(), change.byokAllowed(), change.active(),
                        change.sortOrder(), change.aiConcurrency(), Timestamp.from(clock.instant()), before.key())
                .update();
        Plan after = find(before.key()).orElseThrow();
        Map<String, Object> old = terms(before);
        Map<String, Object> now = terms(after);
        events.publishEvent(new PlanUpdated(admin.value(), before.key(), differing(old, now), differing(now, old)));
        return after;
    }

    /** A platform admin changed a plan of the catalogue. */
    public record PlanUpdated(UUID actorId, String planKey, Map<String, Object> oldValues, Map<String, Object> newValues)
            implements AuditedEvent {
        public String entityType() { return "plan"; }
        // Plans are keyed by name; the audit log wants an id, so a stable one is derived from the key.
        public UUID entityId() { return UUID.nameUUIDFromBytes(("plan:" + planKey).getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
        public String action() { return "plan_update"; }
        public Map<String, Object> metadata() { return Map.of("plan", planKey); }
    }

    private static Map<String, Object> differing(Map<String, Object> a, Map<String, Object> b) {
        return id.modo.verse.common.Changes.differing(a, b);
    }

    private static Map<String, Object> terms(Plan plan) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", plan.name());
        values.put("monthly_price", plan.monthlyPrice().plain());
        values.put("yearly_price", plan.yearlyPrice().plain());
        values.put("monthly_credits", plan.monthlyCredits());
        values.put("rollover_cap", plan.rolloverCap());
        values.put("storage_limit_bytes", plan.storageLimitBytes());
        values.put("project_limit", plan.projectLimit());
        values.put("member_limit", plan.memberLimit());
        values.put("byok_allowed", plan.byokAllowed());
        values.put("active", plan.active());
        values.put("sort_order", plan.sortOrder());
        values.put("ai_concurrency", plan.aiConcurrency());
        return values;
    }

    private static Money price(String value, String field, List<FieldError> errors) {
        try {
            Money money = Money.of(value == null ? "" : value.strip(), Money.IDR);
            if (money.isNegative() || money.amount().compareTo(new BigDecimal("999999999999.99")) > 0) {
                errors.add(new FieldError(field, "must be 0 to 999999999999.99"));
                return null;
            }
            return money;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be a decimal string with at most two decimals, e.g. \"99000.00\""));
            return null;
        }
    }

    private static void nonNegative(Integer value, String field, List<FieldError> errors, boolean required) {
        if (value == null ? required : value < 0) {
            errors.add(new FieldError(field, required ? "must be 0 or more" : "must be 0 or more, or null for unlimited"));
        }
    }

    private static Plan plan(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        return new Plan(rs.getString("key"), rs.getString("name"), new Money(rs.getBigDecimal("monthly_price"), currency),
                new Money(rs.getBigDecimal("yearly_price"), currency), rs.getInt("monthly_credits"), rs.getInt("rollover_cap"),
                rs.getLong("storage_limit_bytes"), (Integer) rs.getObject("project_limit"), (Integer) rs.getObject("member_limit"),
                rs.getBoolean("byok_allowed"), rs.getBoolean("self_serve"), rs.getBoolean("active"),
                rs.getInt("sort_order"), rs.getTimestamp("updated_at").toInstant(), rs.getInt("ai_concurrency"));
    }
}

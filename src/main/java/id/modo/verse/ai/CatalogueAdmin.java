package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.billing.Plans;
import id.modo.verse.common.Changes;
import id.modo.verse.common.ConstraintViolations;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform admins' changes to the model catalogue and the generation types' prices. {@link ModelCatalogue} reads the
 * tables on every request, so a change here serves the next generation on every node without a cache to refresh.
 * Every change is audited.
 */
@Service
class CatalogueAdmin {

    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._:/@+-]{1,100}");
    private static final BigDecimal MAX_CREDITS = new BigDecimal("1000000");
    private static final BigDecimal MAX_USD = new BigDecimal("999999");
    static final int MAX_PRICE = 100_000;
    private static final int STEP = 10;

    private final JdbcClient jdbc;
    private final Plans plans;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogueAdmin(JdbcClient jdbc, Plans plans, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What an admin sends for a model: decimals as strings (blank: none), {@code plans} null for every plan. Credits
     * per 1k tokens both blank price the model by its generation type.
     */
    record ModelChange(String model, String creditsPer1kInputTokens, String creditsPer1kOutputTokens, String usdPer1kInputTokens,
            String usdPer1kOutputTokens, String usdPerImage, List<String> plans, Boolean enabled, VideoChange video) {
    }

    /**
     * A video model's lengths and prices per second: {@code seconds} the lengths it makes, separated by commas ("4, 8, 12"),
     * the provider's allowed set; credits per second blank to charge the generation type's price per video. Null for
     * other kinds.
     */
    record VideoChange(String seconds, String creditsPerSecond, String usdPerSecond) {
    }

    /** Every model, text first, each kind in its fallback order. */
    @Transactional(readOnly = true)
    List<AdminModel> models() {
        return jdbc.sql("select * from ai_models order by kind desc, fallback_position, provider, model").query(CatalogueAdmin::row).list();
    }

    @Transactional(readOnly = true)
    AdminModel model(UUID id) {
        return jdbc.sql("select * from ai_models where id = ?").param(id).query(CatalogueAdmin::row).optional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such model in the catalogue."));
    }

    /** Adds a model last in its kind's fallback order; 409 {@code ai-model-taken} when the provider already has it. */
    @Transactional
    AdminModel create(UserId admin, String provider, String kind, ModelChange change) {
        List<FieldError> errors = new ArrayList<>();
        ProviderKind providerKind = choice(provider, "provider", errors, ProviderKind::of, "openai, anthropic, gemini, compatible");
        ModelKind modelKind = choice(kind, "kind", errors, key -> ModelKind.valueOf(key.toUpperCase(Locale.ROOT)), "text, image, video");
        Valid valid = validate(change, modelKind, errors);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into ai_models (id, provider, model, kind, credits_per_1k_input_tokens, credits_per_1k_output_tokens,
                      usd_per_1k_input_tokens, usd_per_1k_output_tokens, usd_per_image, enabled, plans, video_seconds, credits_per_second,
                      usd_per_second, fallback_position)
                    select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::varchar[], ?::integer[], ?, ?, coalesce(max(fallback_position), 0) + ?
                    from ai_models where kind = ?""")
                    .params(id, providerKind.key(), valid.model, modelKind.key(), valid.creditsIn, valid.creditsOut, valid.usdIn, valid.usdOut,
                            valid.usdImage, change.enabled() == null || change.enabled(), plansArray(valid.plans), valid.videoSeconds,
                            valid.creditsPerSecond, valid.usdPerSecond, STEP, modelKind.key())
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw taken(e, providerKind, valid.model);
        }
        AdminModel created = model(id);
        events.publishEvent(new AiAdminChanged(admin.value(), "ai_model", id, "ai_model_create", null, created.values()));
        return created;
    }

    /** Replaces what an admin may change of a model; its provider and kind stay (add another model for those). */
    @Transactional
    AdminModel update(UserId admin, UUID id, ModelChange change) {
        AdminModel before = locked(id);
        List<FieldError> errors = new ArrayList<>();
        Valid valid = validate(change, before.kind(), errors);
        boolean enabled = change.enabled() == null || change.enabled();
        if (before.isDefault() && !enabled) {
            throw defaultRequired(before);
        }
        try {
            jdbc.sql("""
                    update ai_models set model = ?, credits_per_1k_input_tokens = ?, credits_per_1k_output_tokens = ?,
                      usd_per_1k_input_tokens = ?, usd_per_1k_output_tokens = ?, usd_per_image = ?, enabled = ?, plans = ?::varchar[],
                      video_seconds = ?::integer[], credits_per_second = ?, usd_per_second = ?, updated_at = ?
                    where id = ?""")
                    .params(valid.model, valid.creditsIn, valid.creditsOut, valid.usdIn, valid.usdOut, valid.usdImage, enabled,
                            plansArray(valid.plans), valid.videoSeconds, valid.creditsPerSecond, valid.usdPerSecond, Timestamp.from(clock.instant()), id)
                    .update();
        } catch (DataIntegrityViolationException e) {
            throw taken(e, before.provider(), valid.model);
        }
        return audited(admin, before, "ai_model_update");
    }

    /** Turns a model on or off; the default of its kind stays on (make another the default first). */
    @Transactional
    AdminModel setEnabled(UserId admin, UUID id, boolean enabled) {
        AdminModel before = locked(id);
        if (before.isDefault() && !enabled) {
            throw defaultRequired(before);
        }
        jdbc.sql("update ai_models set enabled = ?, updated_at = ? where id = ?").params(enabled, Timestamp.from(clock.instant()), id).update();
        return audited(admin, before, enabled ? "ai_model_enable" : "ai_model_disable");
    }

    /**
     * Makes the model the default of its kind, in one transaction with the kind's rows locked, so there is exactly one
     * default at every commit. The old default is cleared first: the partial unique index checks each row as it is
     * written, and one statement setting both could meet the new default before the old one was cleared.
     */
    @Transactional
    AdminModel makeDefault(UserId admin, UUID id) {
        AdminModel target = model(id);
        lockKind(target.kind());
        AdminModel before = model(id);
        if (!before.enabled()) {
            throw new ProblemException(ProblemType.CONFLICT, "Enable " + before.model() + " before making it the default.");
        }
        UUID previous = jdbc.sql("select id from ai_models where kind = ? and is_default").param(before.kind().key()).query(UUID.class)
                .optional().orElse(null);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update ai_models set is_default = false, updated_at = ? where kind = ? and is_default and id <> ?")
                .params(now, before.kind().key(), id).update();
        jdbc.sql("update ai_models set is_default = true, updated_at = ? where id = ?").params(now, id).update();
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("default", previous);
        events.publishEvent(new AiAdminChanged(admin.value(), "ai_model", id, "ai_model_default", old,
                Map.of("default", id, "kind", before.kind().key(), "model", before.model())));
        return model(id);
    }

    /** Moves a model one place up or down its kind's fallback order. */
    @Transactional
    List<AdminModel> move(UserId admin, UUID id, boolean up) {
        AdminModel model = model(id);
        List<UUID> order = new ArrayList<>(lockKind(model.kind()));
        int at = order.indexOf(id);
        int to = up ? at - 1 : at + 1;
        if (at >= 0 && to >= 0 && to < order.size()) {
            order.set(at, order.get(to));
            order.set(to, id);
        }
        return reorder(admin, model.kind(), order);
    }

    /** Sets a kind's whole fallback order; the list must name every model of the kind once. */
    @Transactional
    List<AdminModel> reorder(UserId admin, ModelKind kind, List<UUID> ids) {
        List<UUID> current = lockKind(kind);
        if (ids == null || ids.size() != current.size() || !new HashSet<>(ids).equals(new HashSet<>(current))) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors",
                    List.of(new FieldError("model_ids", "must list every " + kind.key() + " model of the catalogue once"))));
        }
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("update ai_models set fallback_position = ?, updated_at = ? where id = ? and fallback_position <> ?")
                    .params((i + 1) * STEP, now, ids.get(i), (i + 1) * STEP).update();
        }
        if (!ids.equals(current)) {
            events.publishEvent(new AiAdminChanged(admin.value(), "ai_model", AiAdminChanged.idOf("fallback", kind.key()), "ai_fallback_reorder",
                    Map.of("kind", kind.key(), "order", current), Map.of("kind", kind.key(), "order", ids)));
        }
        return models().stream().filter(model -> model.kind() == kind).toList();
    }

    /** A generation type's credit price with the kind of model that serves it. */
    record Price(GenerationType type, int credits) {
    }

    @Transactional(readOnly = true)
    List<Price> prices() {
        Map<String, Integer> stored = new LinkedHashMap<>();
        jdbc.sql("select generation_type, credits from ai_generation_prices").query(rs -> {
            stored.put(rs.getString(1), rs.getInt(2));
        });
        return Arrays.stream(GenerationType.values()).map(type -> new Price(type, stored.getOrDefault(type.key(), 0))).toList();
    }

    /** Sets the prices named (generation type key → credits, 0 allowed); one audited change for all of them. */
    @Transactional
    List<Price> setPrices(UserId admin, Map<String, Integer> credits) {
        List<FieldError> errors = new ArrayList<>();
        Map<GenerationType, Integer> valid = new LinkedHashMap<>();
        if (credits == null || credits.isEmpty()) {
            errors.add(new FieldError("prices", "must name at least one generation type with its credits"));
        } else {
            credits.forEach((key, value) -> {
                GenerationType type = Arrays.stream(GenerationType.values()).filter(t -> t.key().equals(key)).findFirst().orElse(null);
                if (type == null) {
                    errors.add(new FieldError(key, "is not a generation type"));
                } else if (value == null || value < 0 || value > MAX_PRICE) {
                    errors.add(new FieldError(key, "must be a whole number of credits from 0 to " + MAX_PRICE));
                } else {
                    valid.put(type, value);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        Map<String, Object> old = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        List<Price> before = jdbc.sql("select generation_type, credits from ai_generation_prices for update").query((rs, n) -> new Price(
                GenerationType.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getInt(2))).list();
        before.forEach(price -> old.put(price.type().key(), price.credits()));
        Timestamp at = Timestamp.from(clock.instant());
        valid.forEach((type, value) -> {
            jdbc.sql("""
                    insert into ai_generation_prices (generation_type, credits, updated_at) values (?, ?, ?)
                    on conflict (generation_type) do update set credits = excluded.credits, updated_at = excluded.updated_at
                    where ai_generation_prices.credits <> excluded.credits""").params(type.key(), value, at).update();
            now.put(type.key(), value);
        });
        Map<String, Object> oldChanged = Changes.differing(old, now);
        oldChanged.keySet().retainAll(now.keySet());
        Map<String, Object> newChanged = Changes.differing(now, old);
        if (!newChanged.isEmpty()) {
            events.publishEvent(new AiAdminChanged(admin.value(), "ai_generation_price", AiAdminChanged.idOf("prices", "all"),
                    "ai_price_update", oldChanged, newChanged));
        }
        return prices();
    }

    private AdminModel audited(UserId admin, AdminModel before, String action) {
        AdminModel after = model(before.id());
        Map<String, Object> old = before.values();
        Map<String, Object> now = after.values();
        events.publishEvent(new AiAdminChanged(admin.value(), "ai_model", before.id(), action, Changes.differing(old, now),
                Changes.differing(now, old)));
        return after;
    }

    private AdminModel locked(UUID id) {
        jdbc.sql("select id from ai_models where id = ? for update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such model in the catalogue."));
        return model(id);
    }

    /** Locks a kind's rows, so a default switch or a reorder never interleaves with another; gives them in fallback order. */
    private List<UUID> lockKind(ModelKind kind) {
        return jdbc.sql("select id from ai_models where kind = ? order by fallback_position, provider, model for update")
                .param(kind.key()).query(UUID.class).list();
    }

    private record Valid(String model, BigDecimal creditsIn, BigDecimal creditsOut, BigDecimal usdIn, BigDecimal usdOut, BigDecimal usdImage,
            List<String> plans, Integer[] videoSeconds, BigDecimal creditsPerSecond, BigDecimal usdPerSecond) {
    }

    /** The longest video a model may be set to make, in seconds. */
    private static final int MAX_VIDEO_SECONDS = 600;

    private Valid validate(ModelChange change, ModelKind kind, List<FieldError> errors) {
        String model = change.model() == null ? "" : change.model().strip();
        if (!MODEL_ID.matcher(model).matches()) {
            errors.add(new FieldError("model", "must be the provider's model id: 1 to 100 letters, digits or . _ : / @ + -"));
        }
        BigDecimal creditsIn = decimal(change.creditsPer1kInputTokens(), "credits_per_1k_input_tokens", 4, MAX_CREDITS, errors);
        BigDecimal creditsOut = decimal(change.creditsPer1kOutputTokens(), "credits_per_1k_output_tokens", 4, MAX_CREDITS, errors);
        if (blank(change.creditsPer1kInputTokens()) != blank(change.creditsPer1kOutputTokens())) {
            errors.add(new FieldError(blank(change.creditsPer1kInputTokens()) ? "credits_per_1k_input_tokens" : "credits_per_1k_output_tokens",
                    "set both credit prices per 1k tokens, or neither to charge the generation type's price"));
        }
        BigDecimal usdIn = decimal(change.usdPer1kInputTokens(), "usd_per_1k_input_tokens", 6, MAX_USD, errors);
        BigDecimal usdOut = decimal(change.usdPer1kOutputTokens(), "usd_per_1k_output_tokens", 6, MAX_USD, errors);
        BigDecimal usdImage = decimal(change.usdPerImage(), "usd_per_image", 6, MAX_USD, errors);
        List<String> planKeys = null;
        if (change.plans() != null) {
            planKeys = change.plans().stream().map(plan -> plan == null ? "" : plan.strip().toLowerCase(Locale.ROOT)).distinct().toList();
            if (planKeys.isEmpty()) {
                errors.add(new FieldError("plans", "must list at least one plan, or be null for every plan"));
            }
            planKeys.stream().filter(plan -> plans.find(plan).isEmpty()).findFirst()
                    .ifPresent(plan -> errors.add(new FieldError("plans", "has a plan that does not exist: " + abbreviate(plan))));
        }
        VideoChange video = change.video() == null ? new VideoChange(null, null, null) : change.video();
        Integer[] seconds = null;
        if (kind == ModelKind.VIDEO) {
            seconds = seconds(video.seconds(), errors);
        } else if (!blank(video.seconds()) || !blank(video.creditsPerSecond()) || !blank(video.usdPerSecond())) {
            errors.add(new FieldError("video_seconds", "is only for video models"));
        }
        BigDecimal creditsPerSecond = decimal(video.creditsPerSecond(), "credits_per_second", 4, MAX_CREDITS, errors);
        BigDecimal usdPerSecond = decimal(video.usdPerSecond(), "usd_per_second", 6, MAX_USD, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new Valid(model, creditsIn, creditsOut, usdIn, usdOut, usdImage, planKeys, seconds, creditsPerSecond, usdPerSecond);
    }

    /** A video model's lengths, "4, 8, 12": at least one, each a whole 1 to {@value #MAX_VIDEO_SECONDS} seconds, each once. */
    private static Integer[] seconds(String value, List<FieldError> errors) {
        String message = "must list the lengths the model makes, in whole seconds from 1 to " + MAX_VIDEO_SECONDS + ", such as \"4, 8, 12\"";
        List<Integer> seconds = new ArrayList<>();
        for (String part : (value == null ? "" : value).split(",")) {
            String number = part.strip();
            if (!number.matches("[0-9]{1,3}") || Integer.parseInt(number) < 1 || Integer.parseInt(number) > MAX_VIDEO_SECONDS
                    || seconds.contains(Integer.parseInt(number))) {
                errors.add(new FieldError("video_seconds", message));
                return null;
            }
            seconds.add(Integer.parseInt(number));
        }
        return seconds.stream().sorted().toArray(Integer[]::new);
    }

    private static BigDecimal decimal(String value, String field, int scale, BigDecimal max, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            if (number.signum() < 0 || number.compareTo(max) > 0 || number.stripTrailingZeros().scale() > scale) {
                errors.add(new FieldError(field, "must be 0 to " + max.toPlainString() + " with at most " + scale + " decimals"));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a decimal string such as \"0.0004\", or empty"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <T> T choice(String value, String field, List<FieldError> errors, java.util.function.Function<String, T> parse, String allowed) {
        try {
            return parse.apply(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + allowed));
            return null;
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 30 ? value.substring(0, 30) + "…" : value;
    }

    private static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
    }

    private static ProblemException defaultRequired(AdminModel model) {
        return new ProblemException(AiProblems.DEFAULT_REQUIRED, model.model() + " is the default " + model.kind().key()
                + " model; make another model the default before turning it off.");
    }

    private static RuntimeException taken(DataIntegrityViolationException e, ProviderKind provider, String model) {
        if (ConstraintViolations.isUnique(e)) {
            return new ProblemException(AiProblems.MODEL_TAKEN, "The catalogue already has " + provider.key() + " " + model + ".",
                    Map.of("errors", List.of(new FieldError("model", "is already in the catalogue for " + provider.key()))));
        }
        return e;
    }

    private String[] plansArray(List<String> plans) {
        return plans == null ? null : plans.toArray(String[]::new);
    }

    private static AdminModel row(ResultSet row, int number) throws SQLException {
        Array plans = row.getArray("plans");
        return new AdminModel(row.getObject("id", UUID.class), ProviderKind.of(row.getString("provider")), row.getString("model"),
                ModelKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)), row.getBigDecimal("credits_per_1k_input_tokens"),
                row.getBigDecimal("credits_per_1k_output_tokens"), row.getBigDecimal("usd_per_1k_input_tokens"),
                row.getBigDecimal("usd_per_1k_output_tokens"), row.getBigDecimal("usd_per_image"), row.getBoolean("enabled"),
                row.getBoolean("is_default"), plans == null ? null : Arrays.asList((String[]) plans.getArray()), row.getInt("fallback_position"),
                row.getTimestamp("updated_at").toInstant(), ModelCatalogue.seconds(row.getArray("video_seconds")),
                row.getBigDecimal("credits_per_second"), row.getBigDecimal("usd_per_second"));
    }
}

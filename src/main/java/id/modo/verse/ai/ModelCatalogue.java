package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The model catalogue and the generation types' credit prices, as admins left them. Every generation reads them, so
 * they are kept for {@code modo.ai.cache-ttl} ({@link ShortCache}): an admin's change ({@link AiAdminChanged}) clears
 * them once it commits; one made on another node shows here within the TTL.
 */
@Service
class ModelCatalogue {

    /** The whole catalogue in the admins' fallback order (disabled models too), the enabled ones, and every type's price. */
    private record Snapshot(List<AiModel> models, List<AiModel> enabled, Map<GenerationType, Integer> prices) {
    }

    private final JdbcClient jdbc;
    private final AiProperties properties;
    private final ShortCache<Boolean, Snapshot> cache;

    ModelCatalogue(JdbcClient jdbc, AiProperties properties, @Value("${modo.ai.cache-ttl}") Duration ttl, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.cache = new ShortCache<>(ttl, clock);
    }

    /** The enabled models of a kind in the admins' fallback order. */
    List<AiModel> enabled(ModelKind kind) {
        return snapshot().enabled().stream().filter(model -> model.kind() == kind).toList();
    }

    /** A model by its provider and name, enabled or not (it served a generation a moment ago). */
    Optional<AiModel> find(ProviderKind provider, String model) {
        return snapshot().models().stream().filter(row -> row.provider() == provider && row.model().equals(model)).findFirst();
    }

    /** What a generation of the type costs on a model priced per generation. */
    int credits(GenerationType type) {
        Integer credits = snapshot().prices().get(type);
        if (credits == null) {
            throw new IllegalStateException("ai_generation_prices has no price for " + type.key());
        }
        return credits;
    }

    @EventListener
    void on(AiAdminChanged change) {
        cache.clearAfterCommit();
    }

    private Snapshot snapshot() {
        return cache.get(Boolean.TRUE, ignored -> load());
    }

    private Snapshot load() {
        List<Map.Entry<AiModel, Boolean>> rows = jdbc.sql("select * from ai_models order by fallback_position, provider, model")
                .query((row, number) -> Map.entry(model(row, number), row.getBoolean("enabled"))).list();
        Map<GenerationType, Integer> prices = new EnumMap<>(GenerationType.class);
        Map<String, Integer> byKey = jdbc.sql("select generation_type, credits from ai_generation_prices")
                .query((row, number) -> Map.entry(row.getString("generation_type"), row.getInt("credits"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        for (GenerationType type : GenerationType.values()) {
            if (byKey.containsKey(type.key())) {
                prices.put(type, byKey.get(type.key()));
            }
        }
        return new Snapshot(rows.stream().map(Map.Entry::getKey).toList(),
                rows.stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList(), prices);
    }

    /**
     * Puts the model {@code MODO_AI_COMPATIBLE_MODEL} names into the catalogue (last in the fallback order) when it is
     * not there yet, so pointing the settings at a local server is all it takes; admins price and order it as any other.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    void addTheConfiguredCompatibleModel() {
        String model = properties.compatible().model();
        if (properties.compatible().configured() && StringUtils.hasText(model)) {
            jdbc.sql("""
                    insert into ai_models (provider, model, kind, usd_per_1k_input_tokens, usd_per_1k_output_tokens, fallback_position)
                    select 'compatible', ?, 'text', 0, 0, coalesce(max(fallback_position), 0) + 10 from ai_models
                    on conflict (provider, model) do nothing""").param(model.strip()).update();
            cache.clearAfterCommit();
        }
    }

    private static AiModel model(ResultSet row, int number) throws SQLException {
        Array plans = row.getArray("plans");
        return new AiModel(row.getObject("id", UUID.class), ProviderKind.of(row.getString("provider")), row.getString("model"),
                ModelKind.valueOf(row.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                row.getBigDecimal("credits_per_1k_input_tokens"), row.getBigDecimal("credits_per_1k_output_tokens"),
                row.getBigDecimal("usd_per_1k_input_tokens"), row.getBigDecimal("usd_per_1k_output_tokens"),
                row.getBigDecimal("usd_per_image"), row.getBoolean("is_default"),
                plans == null ? null : Arrays.asList((String[]) plans.getArray()), row.getInt("fallback_position"),
                seconds(row.getArray("video_seconds")), row.getBigDecimal("credits_per_second"), row.getBigDecimal("usd_per_second"));
    }

    static List<Integer> seconds(Array seconds) throws SQLException {
        return seconds == null ? null : Arrays.asList((Integer[]) seconds.getArray());
    }
}

package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** The model catalogue and the generation types' credit prices, as admins left them. */
@Service
class ModelCatalogue {

    private final JdbcClient jdbc;
    private final AiProperties properties;

    ModelCatalogue(JdbcClient jdbc, AiProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The enabled models of a kind in the admins' fallback order. */
    @Transactional(readOnly = true)
    List<AiModel> enabled(ModelKind kind) {
        return jdbc.sql("select * from ai_models where enabled and kind = ? order by fallback_position, provider, model")
                .param(kind.key()).query(ModelCatalogue::model).list();
    }

    /** A model by its provider and name, enabled or not (it served a generation a moment ago). */
    @Transactional(readOnly = true)
    java.util.Optional<AiModel> find(ProviderKind provider, String model) {
        return jdbc.sql("select * from ai_models where provider = ? and model = ?").params(provider.key(), model)
                .query(ModelCatalogue::model).optional();
    }

    /** What a generation of the type costs on a model priced per generation. */
    @Transactional(readOnly = true)
    int credits(GenerationType type) {
        return jdbc.sql("select credits from ai_generation_prices where generation_type = ?").param(type.key())
                .query(Integer.class).optional()
                .orElseThrow(() -> new IllegalStateException("ai_generation_prices has no price for " + type.key()));
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
        }
    }

    private static AiModel model(ResultSet row, int number) throws SQLException {
        Array plans = row.getArray("plans");
        return new AiModel(row.getObject("id", UUID.class), ProviderKind.of(row.getString("provider")), row.getString("model"),
                ModelKind.valueOf(row.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                row.getBigDecimal("credits_per_1k_input_tokens"), row.getBigDecimal("credits_per_1k_output_tokens"),
                row.getBigDecimal("usd_per_1k_input_tokens"), row.getBigDecimal("usd_per_1k_output_tokens"),
                row.getBigDecimal("usd_per_image"), row.getBoolean("is_default"),
                plans == null ? null : Arrays.asList((String[]) plans.getArray()), row.getInt("fallback_position"));
    }
}

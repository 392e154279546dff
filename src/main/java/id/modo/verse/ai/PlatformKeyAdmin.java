package id.modo.verse.ai;

import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.OutgoingAddresses;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform admins set the platform's provider keys here when the settings do not: stored encrypted, shown again only
 * by their last four characters, never in a log, an audit value, an error or a response. A base URL entered here
 * goes through the platform's SSRF guard.
 */
@Service
class PlatformKeyAdmin {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{8,500}");
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9._:/@+-]{1,100}");

    private final PlatformKeyStore store;
    private final PlatformKeys platformKeys;
    private final AiProperties properties;
    private final OutgoingAddresses addresses;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlatformKeyAdmin(PlatformKeyStore store, PlatformKeys platformKeys, AiProperties properties, OutgoingAddresses addresses, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.platformKeys = platformKeys;
        this.properties = properties;
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One provider as the admin page shows it: where its key comes from, the stored key's last four (null when none is
     * stored), the base URL and model in use, and whether a stored key sits unused because the settings win.
     */
    record KeyView(ProviderKind provider, PlatformKeys.Source source, String keyLastFour, String baseUrl, String model, Instant updatedAt,
            boolean storedButUnused) {
    }

    @Transactional(readOnly = true)
    List<KeyView> keys() {
        return Arrays.stream(ProviderKind.values()).map(this::view).toList();
    }

    @Transactional(readOnly = true)
    KeyView key(ProviderKind provider) {
        return view(provider);
    }

    /** Stores a provider's key (and for the compatible server its base URL and model); 409 when the settings configure it. */
    @Transactional
    KeyView set(UserId admin, String providerKey, String apiKey, String baseUrl, String model) {
        ProviderKind provider = provider(providerKey);
        if (platformKeys.fromSettings(provider)) {
            throw new ProblemException(AiProblems.KEY_FROM_SETTINGS, "The settings (MODO_AI_" + provider.name() + "_*) configure "
                    + provider.key() + "; change them there, or unset them to manage the key here.");
        }
        boolean compatible = provider == ProviderKind.COMPATIBLE;
        List<FieldError> errors = new ArrayList<>();
        String key = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        if (key == null ? !compatible : !KEY.matcher(key).matches()) {
            errors.add(new FieldError("api_key", compatible ? "must be 8 to 500 visible characters, or empty for a server that asks for none"
                    : "must be the provider's key: 8 to 500 visible characters"));
        }
        String url = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        if (url == null && compatible) {
            errors.add(new FieldError("base_url", "must be the server's http(s) address, such as https://llm.example.com/v1"));
        } else if (url != null) {
            if (url.length() > 500) {
                errors.add(new FieldError("base_url", "must be at most 500 characters"));
            } else {
                try {
                    url = addresses.require(url).toString();
                } catch (OutgoingAddresses.RefusedAddress refused) {
                    errors.add(new FieldError("base_url", refused.getMessage()));
                }
            }
        }
        String modelId = model == null || model.isBlank() ? null : model.strip();
        if (modelId != null && (!compatible || !MODEL_ID.matcher(modelId).matches())) {
            errors.add(new FieldError("model", compatible ? "must be the server's model id: 1 to 100 letters, digits or . _ : / @ + -"
                    : "only the compatible server takes a model here; the catalogue holds the others'"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", errors));
        }
        Map<String, Object> old = store.row(provider).map(PlatformKeyAdmin::values).orElse(null);
        store.put(provider, key, url, modelId, admin.value(), clock.instant());
        if (modelId != null) {
            // As with MODO_AI_COMPATIBLE_MODEL: the server's model joins the catalogue, last in the text fallback order.
            jdbc.sql("""
                    insert into ai_models (provider, model, kind, usd_per_1k_input_tokens, usd_per_1k_output_tokens, fallback_position)
                    select 'compatible', ?, 'text', 0, 0, coalesce(max(fallback_position), 0) + 10 from ai_models where kind = 'text'
                    on conflict (provider, model) do nothing""").param(modelId).update();
        }
        events.publishEvent(new AiAdminChanged(admin.value(), "ai_platform_key", AiAdminChanged.idOf("platform_key", provider.key()),
                "ai_platform_key_set", old, values(store.row(provider).orElseThrow())));
        return view(provider);
    }

    @Transactional
    void remove(UserId admin, String providerKey) {
        ProviderKind provider = provider(providerKey);
        PlatformKeyStore.Row row = store.row(provider)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No key is stored for " + provider.key() + "."));
        store.remove(provider);
        events.publishEvent(new AiAdminChanged(admin.value(), "ai_platform_key", AiAdminChanged.idOf("platform_key", provider.key()),
                "ai_platform_key_remove", values(row), null));
    }

    static ProviderKind provider(String key) {
        try {
            return ProviderKind.of(key == null ? "" : key.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no such provider: openai, anthropic, gemini or compatible.");
        }
    }

    private KeyView view(ProviderKind provider) {
        var row = store.row(provider).orElse(null);
        if (platformKeys.fromSettings(provider)) {
            String url = provider == ProviderKind.COMPATIBLE ? properties.compatible().baseUrl() : switch (provider) {
                case OPENAI -> properties.openai().baseUrl();
                case ANTHROPIC -> properties.anthropic().baseUrl();
                default -> properties.gemini().baseUrl();
            };
            String model = provider == ProviderKind.COMPATIBLE ? properties.compatible().model() : null;
            return new KeyView(provider, PlatformKeys.Source.SETTINGS, null, blankToNull(url), blankToNull(model), null, row != null);
        }
        if (row == null) {
            return new KeyView(provider, PlatformKeys.Source.NONE, null, null, null, null, false);
        }
        return new KeyView(provider, PlatformKeys.Source.STORED, row.keyLastFour(), row.baseUrl(), row.model(), row.updatedAt(), false);
    }

    private static Map<String, Object> values(PlatformKeyStore.Row row) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("provider", row.provider().key());
        values.put("key_last_four", row.keyLastFour());
        values.put("base_url", row.baseUrl());
        values.put("model", row.model());
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

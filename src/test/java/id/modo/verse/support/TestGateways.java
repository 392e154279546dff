package id.modo.verse.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One local HTTP server per test JVM that plays Stripe, Midtrans (Snap and Core API), Xendit and the AI providers (WireMock: each test stubs the
 * provider's documented requests and responses), and every Spring test context pointed at it with test keys,
 * as a user would configure the real providers. The default gateway stays the sandbox.
 */
public final class TestGateways implements ContextCustomizerFactory {

    public static final String STRIPE_SECRET_KEY = "sk_test_modo_verse";
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_modo_verse_test";
    public static final String MIDTRANS_SERVER_KEY = "SB-Mid-server-modoVerseTest0123";
    public static final String XENDIT_SECRET_KEY = "xnd_development_modoVerseTest0123";
    public static final String XENDIT_CALLBACK_TOKEN = "xendit-callback-token-modo-verse-test";

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        }
        return server;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server().port();
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Gateways();
    }

    private record Gateways() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("modo.payments.gateway-timeout", "2s");
            properties.put("modo.payments.stripe.secret-key", STRIPE_SECRET_KEY);
            properties.put("modo.payments.stripe.webhook-secret", STRIPE_WEBHOOK_SECRET);
            properties.put("modo.payments.stripe.api-base", baseUrl());
            properties.put("modo.payments.midtrans.server-key", MIDTRANS_SERVER_KEY);
            properties.put("modo.payments.midtrans.snap-base", baseUrl());
            properties.put("modo.payments.midtrans.api-base", baseUrl());
            properties.put("modo.payments.xendit.secret-key", XENDIT_SECRET_KEY);
            properties.put("modo.payments.xendit.callback-token", XENDIT_CALLBACK_TOKEN);
            properties.put("modo.payments.xendit.api-base", baseUrl());
            // Invest payouts keep the sandbox; the Xendit disbursement tests build their adapter on these keys, and a
            // test runs the payout job itself when it wants payouts sent.
            properties.put("modo.invest.revenue.payouts.xendit.secret-key", XENDIT_SECRET_KEY);
            properties.put("modo.invest.revenue.payouts.xendit.callback-token", XENDIT_CALLBACK_TOKEN);
            properties.put("modo.invest.revenue.payouts.xendit.api-base", baseUrl());
            properties.put("modo.invest.revenue.payouts.interval", "1h");
            // No platform AI key, as in the embedded default; an organization's own key reaches the same local server.
            properties.put("modo.ai.openai.base-url", baseUrl() + "/v1");
            properties.put("modo.ai.anthropic.base-url", baseUrl());
            properties.put("modo.ai.gemini.base-url", baseUrl());
            properties.put("modo.ai.timeout", "2s");
            MapPropertySource source = new MapPropertySource("modo-test-gateways", properties);
            var sources = context.getEnvironment().getPropertySources();
            // Above application.properties, below what a test sets itself.
            if (sources.contains("Inlined Test Properties")) {
                sources.addAfter("Inlined Test Properties", source);
            } else {
                sources.addFirst(source);
            }
        }
    }
}

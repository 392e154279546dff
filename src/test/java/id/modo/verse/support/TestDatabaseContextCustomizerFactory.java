package id.modo.verse.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the shared {@link TestDatabase}, as a user would with
 * MODO_DB_URL, so no test context starts a PostgreSQL of its own, and at the shared SMTP server
 * {@link TestSmtp}, as a user would with MODO_MAIL_HOST, so every context sends mail by SMTP.
 * Properties a test sets itself still win.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new SharedDatabase();
    }

    private record SharedDatabase() implements ContextCustomizer {

        private static final String INLINED = "Inlined Test Properties";

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            TestDatabase db = TestDatabase.get();
            TestSmtp smtp = TestSmtp.get();
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("modo.db.url", db.url());
            properties.put("modo.db.user", db.user() == null ? "" : db.user());
            properties.put("modo.db.password", db.password() == null ? "" : db.password());
            properties.put("modo.data-dir", db.dataDir().toString());
            properties.put("modo.env", "test");
            properties.put("modo.demo.enabled", "false");
            // Every test signs up from 127.0.0.1; the limits themselves are tested by filling their windows.
            properties.put("modo.identity.signups-per-ip-per-hour", "10000");
            properties.put("modo.identity.password-resets-per-ip-per-hour", "10000");
            properties.put("modo.identity.login-max-failures-per-address", "10000");
            // A node that stops heart-beating is dead after seconds, not half an hour, so the test of a node
            // killed mid-job (common.jobs) sees its job taken over while it waits.
            properties.put("db-scheduler.heartbeat-interval", "2s");
            properties.put("db-scheduler.missed-heartbeats-limit", "4");
            // The tests change the AI catalogue and keys straight in the database, as another node would, and expect the
            // next generation to see them; ShortCacheTests covers the cache itself.
            properties.put("modo.ai.cache-ttl", "0s");
            // Tests move campaigns' end dates into the past and run the settlement themselves; a deadline job deciding the
            // campaign between two of a test's steps would make it flaky.
            properties.put("modo.invest.lifecycle.deadline-interval", "1h");
            properties.put("modo.mail.host", TestSmtp.HOST);
            properties.put("modo.mail.port", String.valueOf(smtp.port()));
            properties.put("modo.mail.starttls", "false");
            if (context instanceof BeanDefinitionRegistry registry) {
                registry.registerBeanDefinition("testSchedulerPausing", new RootBeanDefinition(SchedulerPausing.class));
            }
            MapPropertySource source = new MapPropertySource("modo-test-database", properties);
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            if (sources.contains(INLINED)) {
                sources.addAfter(INLINED, source);
            } else {
                sources.addFirst(source);
            }
        }
    }
}

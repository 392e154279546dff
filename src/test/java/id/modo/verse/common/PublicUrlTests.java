package id.modo.verse.common;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code modo.public-url}, the address links in mails point at: absolute http(s), no trailing slash. */
class PublicUrlTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Enabled.class)
            .withPropertyValues("modo.env=test", "modo.data-dir=./data", "modo.public-url=http://localhost:8080",
                    "modo.db.url=", "modo.db.embedded-port=0", "modo.db.pool-size=10",
                    "modo.web.max-body-size=1MB", "modo.web.default-locale=en", "modo.web.default-time-zone=Asia/Jakarta",
                    "modo.web.default-currency=IDR", "modo.events.retention=7d", "modo.events.cleanup-interval=1h");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ModoProperties.class)
    static class Enabled {
    }

    @Test
    void linksArePathsUnderThePublicUrl() {
        context.withPropertyValues("modo.public-url=https://studio.modo.example:8443/verse").run(app -> {
            ModoProperties modo = app.getBean(ModoProperties.class);
            assertThat(modo.link("/invitations/accept?token=abc"))
                    .isEqualTo(URI.create("https://studio.modo.example:8443/verse/invitations/accept?token=abc"));
        });
        context.run(app -> assertThat(app.getBean(ModoProperties.class).link("/x")).isEqualTo(URI.create("http://localhost:8080/x")));
    }

    @Test
    void anythingButAnAbsoluteHttpUrlWithoutTrailingSlashStopsTheStart() {
        for (String wrong : new String[] {"localhost:8080", "https://modo.example/", "ftp://modo.example", "https://",
                "https://modo.example?x=1", "https://modo.example/#top", "https://user@modo.example", "https://modo example", ""}) {
            context.withPropertyValues("modo.public-url=" + wrong).run(app -> {
                assertThat(app).as(wrong).hasFailed();
                assertThat(messages(app.getStartupFailure())).as(wrong).contains("modo.public-url");
            });
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}

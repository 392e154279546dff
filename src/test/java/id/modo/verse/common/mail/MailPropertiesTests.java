package id.modo.verse.common.mail;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail settings bind from {@code modo.mail.*} and refuse a wrong value at start, naming the key. */
class MailPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Enabled.class)
            .withPropertyValues("modo.mail.host=", "modo.mail.port=587", "modo.mail.username=", "modo.mail.password=",
                    "modo.mail.from=MODO Creator Verse <no-reply@modo.local>", "modo.mail.starttls=true");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailProperties.class)
    static class Enabled {
    }

    @Test
    void noHostMeansNoSmtp() {
        context.run(app -> {
            MailProperties mail = app.getBean(MailProperties.class);
            assertThat(mail.enabled()).isFalse();
            assertThat(mail.port()).isEqualTo(587);
            assertThat(mail.starttls()).isTrue();
            assertThat(mail.authenticated()).isFalse();
        });
    }

    @Test
    void aHostMeansSmtpAndThePasswordNeverShows() {
        context.withPropertyValues("modo.mail.host=smtp.example.com", "modo.mail.username=modo", "modo.mail.password=s3cret-pass")
                .run(app -> {
                    MailProperties mail = app.getBean(MailProperties.class);
                    assertThat(mail.enabled()).isTrue();
                    assertThat(mail.authenticated()).isTrue();
                    assertThat(mail.toString()).contains("smtp.example.com").doesNotContain("s3cret-pass");
                });
    }

    @Test
    void wrongValuesStopTheStartNamingTheKey() {
        assertFailsNaming("modo.mail.port", "modo.mail.port=0");
        assertFailsNaming("modo.mail.port", "modo.mail.port=70000");
        assertFailsNaming("modo.mail.port", "modo.mail.port=smtp");
        assertFailsNaming("modo.mail.host", "modo.mail.host=smtp.example.com:587");
        assertFailsNaming("modo.mail.host", "modo.mail.host=smtp://smtp.example.com");
        assertFailsNaming("modo.mail.from", "modo.mail.from=not an address");
        assertFailsNaming("modo.mail.from", "modo.mail.from=");
        assertFailsNaming("modo.mail.starttls", "modo.mail.starttls=maybe");
    }

    private void assertFailsNaming(String key, String setting) {
        context.withPropertyValues(setting).run(app -> {
            assertThat(app).as(setting).hasFailed();
            assertThat(messages(app.getStartupFailure())).as(setting).contains(key);
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}

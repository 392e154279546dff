package id.modo.verse.organization;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code modo.organization.*} binds and refuses a validity that is not a positive duration. */
class OrganizationPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(Enabled.class)
            .withPropertyValues("modo.organization.invitation-validity=7d");

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OrganizationProperties.class)
    static class Enabled {
    }

    @Test
    void theValidityBindsAsADuration() {
        context.run(app -> assertThat(app.getBean(OrganizationProperties.class).invitationValidity()).isEqualTo(Duration.ofDays(7)));
        context.withPropertyValues("modo.organization.invitation-validity=36h")
                .run(app -> assertThat(app.getBean(OrganizationProperties.class).invitationValidity()).isEqualTo(Duration.ofHours(36)));
    }

    @Test
    void aValidityThatIsNotPositiveStopsTheStart() {
        for (String wrong : new String[] {"0s", "-1d", "soon", ""}) {
            context.withPropertyValues("modo.organization.invitation-validity=" + wrong).run(app -> {
                assertThat(app).as(wrong).hasFailed();
                assertThat(messages(app.getStartupFailure())).as(wrong)
                        .containsAnyOf("modo.organization.invitation-validity", "modo.organization.invitationValidity");
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

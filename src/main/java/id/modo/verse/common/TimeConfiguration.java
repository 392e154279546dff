package id.modo.verse.common;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} every module takes in its constructor: the system clock in UTC. A test that moves time
 * registers its own {@code Clock} bean marked {@code @Primary} (see the billing tests' {@code BillingTestClock}),
 * which then wins every injection by type over this one.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package id.modo.verse.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the billing tests move forward (trial ends, renewals). It is {@code @Primary}, so every bean that takes a
 * {@link Clock} gets it instead of the system clock {@code common.TimeConfiguration} provides.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BillingTestClock {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    public static final class MovableClock extends Clock {

        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        public void advance(Duration by) {
            offset.updateAndGet(current -> current.plus(by));
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

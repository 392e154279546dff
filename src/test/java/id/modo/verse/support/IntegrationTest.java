package id.modo.verse.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import id.modo.probe.PaymentProbes;
import id.modo.probe.TestProbes;
import org.springframework.context.annotation.Import;

/**
 * The whole app on a random port against the shared test database. Every test that uses it
 * shares one cached application context, so keep tests independent through their own data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({TestProbes.class, PaymentProbes.class})
public @interface IntegrationTest {
}

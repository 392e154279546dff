package id.modo.verse.ai;

import id.modo.verse.support.IntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole app with platform keys for OpenAI and Anthropic pointed at the local server that speaks their wire formats
 * (TestGateways), short backoffs, and db-scheduler polling every second. One annotation, so the classes that use it
 * share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {
        "modo.ai.openai.api-key=" + AiGatewayTest.OPENAI_KEY,
        "modo.ai.anthropic.api-key=" + AiGatewayTest.ANTHROPIC_KEY,
        "modo.ai.timeout=10s",
        "modo.ai.fallback.max-attempts=2",
        "modo.ai.fallback.max-total=20s",
        "modo.ai.fallback.initial-backoff=10ms",
        "modo.ai.fallback.max-backoff=20ms",
        "modo.ai.generations.per-user-limit=500",
        "db-scheduler.polling-interval=1s"})
public @interface AiGatewayTest {

    String OPENAI_KEY = "sk-platform-generation-tests";
    String ANTHROPIC_KEY = "sk-ant-platform-generation-tests";
}

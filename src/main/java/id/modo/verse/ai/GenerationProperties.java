package id.modo.verse.ai;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the generation API, under {@code modo.ai.generations.*} (README, "AI").
 *
 * @param perUserLimit generation requests one user may make per {@code perUserWindow}
 * @param jobHold how long a job's credit hold lasts (it may wait for a slot first); at most {@code modo.credits.max-reservation-ttl}
 * @param sweepInterval how often waiting generations are started on free slots and abandoned ones (their node died) are ended
 */
@Validated
@ConfigurationProperties("modo.ai.generations")
record GenerationProperties(@Min(1) int perUserLimit, @NotNull Duration perUserWindow, @NotNull Duration jobHold,
        @NotNull Duration sweepInterval) {
}

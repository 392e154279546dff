package id.modo.verse.ai;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a video generation follows the provider's job, under {@code modo.ai.videos.*} (README, "AI"): the first look after
 * {@code firstPoll}, each next one twice as late up to {@code maxPoll}, and a video not made within {@code maxTotal} of
 * the generation's start fails as a timeout (nothing charged).
 */
@Validated
@ConfigurationProperties("modo.ai.videos")
record VideoProperties(@NotNull Duration firstPoll, @NotNull Duration maxPoll, @NotNull Duration maxTotal) {
}

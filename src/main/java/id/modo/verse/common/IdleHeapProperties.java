package id.modo.verse.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much heap the platform gives back when it idles ({@link IdleHeap}).
 *
 * @param gcInterval          after this long without a collection G1 runs a concurrent cycle, which returns the
 *                            unused heap; zero leaves the JVM's own choice (none)
 * @param maxHeapFreePercent  the share of the committed heap that may stay free after such a cycle (the JVM's
 *                            {@code MaxHeapFreeRatio}, 70 by default)
 */
@Validated
@ConfigurationProperties("modo.jvm.idle-heap")
public record IdleHeapProperties(@NotNull Duration gcInterval, @Min(10) @Max(100) int maxHeapFreePercent) {
}

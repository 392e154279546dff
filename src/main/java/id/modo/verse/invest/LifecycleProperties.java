package id.modo.verse.invest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code modo.invest.lifecycle.*}: how often the deadline job looks for ended campaigns, how long an ended
 * campaign waits for its open gateway payments, and the fees recorded on each confirmed investment (the platform's
 * percentage, and the schedule used for the payment fee when the gateway reports none).
 */
@Validated
@ConfigurationProperties("modo.invest.lifecycle")
record LifecycleProperties(
        @NotNull Duration deadlineInterval,
        @NotNull Duration settlementWindow,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal platformFeePercent,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal paymentFeePercent,
        @NotNull @DecimalMin("0") BigDecimal paymentFeeFixed) {
}

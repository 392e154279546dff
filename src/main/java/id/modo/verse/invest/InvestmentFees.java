package id.modo.verse.invest;

import id.modo.verse.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The fees taken from a confirmed investment: the platform's percentage, and the payment fee the gateway reported
 * (else the configured schedule: a percentage plus a fixed amount). Each is rounded half-up to the cent and together
 * they never exceed the amount, so {@code net_amount} = amount − fees is never negative.
 */
@Component
class InvestmentFees {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final InvestmentRows investments;
    private final LifecycleProperties properties;

    InvestmentFees(InvestmentRows investments, LifecycleProperties properties) {
        this.investments = investments;
        this.properties = properties;
    }

    /** Records them on the investment; {@code reportedPaymentFee} null when the gateway reported none. */
    void record(UUID investmentId, Money amount, Money reportedPaymentFee) {
        BigDecimal gross = amount.amount();
        BigDecimal platform = percent(gross, properties.platformFeePercent()).min(gross);
        BigDecimal payment = reportedPaymentFee != null && reportedPaymentFee.currency().equals(amount.currency())
                ? reportedPaymentFee.amount()
                : percent(gross, properties.paymentFeePercent()).add(properties.paymentFeeFixed());
        payment = payment.setScale(2, RoundingMode.HALF_UP).min(gross.subtract(platform)).max(BigDecimal.ZERO.setScale(2));
        investments.recordFees(investmentId, platform, payment);
    }

    private static BigDecimal percent(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }
}

package id.modo.verse.billing;

import id.modo.verse.common.Money;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProrationTests {

    static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-05-31T00:00:00Z"); // 30 days

    @Test
    void theRemainingShareIsThePriceTimesTheSecondsLeftOverThePeriodRoundedHalfUp() {
        Instant tenDaysIn = START.plus(Duration.ofDays(10));
        assertThat(Proration.remainingShare(Money.idr(99000), START, END, tenDaysIn)).isEqualTo(Money.idr(66000));
        // 99000 × 1/3 of a period = 33000.00 exactly; one second more left: 99000 × 864001/2592000 = 33000.0381… → 33000.04
        assertThat(Proration.remainingShare(Money.idr(99000), START, END, START.plus(Duration.ofDays(20)).minusSeconds(1)))
                .isEqualTo(Money.of("33000.04", "IDR"));
        // 100 × 1/3 = 33.333… → 33.33; 200 × 1/3 = 66.666… → 66.67 (half-up)
        Instant twoThirdsIn = START.plus(Duration.ofDays(20));
        assertThat(Proration.remainingShare(Money.idr(100), START, END, twoThirdsIn)).isEqualTo(Money.of("33.33", "IDR"));
        assertThat(Proration.remainingShare(Money.idr(200), START, END, twoThirdsIn)).isEqualTo(Money.of("66.67", "IDR"));
    }

    @Test
    void outsideThePeriodNothingOrEverythingRemains() {
        assertThat(Proration.remainingShare(Money.idr(99000), START, END, END.plusSeconds(5))).isEqualTo(Money.idr(0));
        assertThat(Proration.remainingShare(Money.idr(99000), START, END, START.minusSeconds(5))).isEqualTo(Money.idr(99000));
        assertThatThrownBy(() -> Proration.remainingShare(Money.idr(1), END, START, START)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUpgradeInTheSameCycleChargesTheNewPlanForTheRestOfThePeriodLessTheUnusedOldPlan() {
        Proration.Quote quote = Proration.upgrade(Money.idr(99000), Money.idr(299000), true, START, END, START.plus(Duration.ofDays(10)));
        assertThat(quote.newPlanCharge()).isEqualTo(Money.of("199333.33", "IDR"));
        assertThat(quote.unusedCredit()).isEqualTo(Money.idr(66000));
        assertThat(quote.subtotal()).isEqualTo(Money.of("133333.33", "IDR"));
        assertThat(quote.newPeriod()).isFalse();
    }

    @Test
    void anUpgradeToALongerCycleChargesTheFullNewPriceLessTheUnusedOldPlanAndStartsANewPeriod() {
        Proration.Quote quote = Proration.upgrade(Money.idr(99000), Money.idr(990000), false, START, END, START.plus(Duration.ofDays(15)));
        assertThat(quote.newPlanCharge()).isEqualTo(Money.idr(990000));
        assertThat(quote.unusedCredit()).isEqualTo(Money.idr(49500));
        assertThat(quote.subtotal()).isEqualTo(Money.idr(940500));
        assertThat(quote.newPeriod()).isTrue();
    }
}

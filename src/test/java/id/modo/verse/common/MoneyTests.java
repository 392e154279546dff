package id.modo.verse.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void keepsTwoDecimals() {
        assertThat(Money.idr(150000).plain()).isEqualTo("150000.00");
        assertThat(Money.of("10.5", "USD").plain()).isEqualTo("10.50");
        assertThat(Money.of("10.50", "IDR")).isEqualTo(Money.of("10.5", "IDR"));
    }

    @Test
    void refusesWhatIsNotMoney() {
        assertThatThrownBy(() -> Money.of("1.005", "IDR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("abc", "IDR")).hasMessageContaining("Not a decimal");
        assertThatThrownBy(() -> Money.of("1", "XYZ1")).hasMessageContaining("Unknown currency");
        assertThatThrownBy(() -> Money.of("1", "idr")).hasMessageContaining("upper case");
        assertThatThrownBy(() -> Money.idr(1).plus(Money.of("1", "USD"))).hasMessageContaining("Cannot mix");
    }

    @Test
    void arithmeticRoundsHalfUp() {
        assertThat(Money.idr(100000).times(new BigDecimal("0.11")).plain()).isEqualTo("11000.00");
        assertThat(Money.of("0.05", "IDR").times(new BigDecimal("0.5")).plain()).isEqualTo("0.03");
        assertThat(Money.idr(5).minus(Money.idr(7)).isNegative()).isTrue();
        assertThat(Money.idr(5).compareTo(Money.idr(7))).isNegative();
    }
}

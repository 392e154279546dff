package id.modo.verse;

import id.modo.verse.common.Formats;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

    private static final Currency IDR = Currency.getInstance("IDR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Test
    void rupiahInBahasaIndonesiaUsesDotsForThousandsAndNoDecimalsWhenWhole() {
        assertThat(normalize(Formats.money(new BigDecimal("150000.00"), IDR, Locale.of("id")))).isEqualTo("Rp 150.000");
    }

    @Test
    void rupiahKeepsCentsWhenThereAreSome() {
        assertThat(normalize(Formats.money(new BigDecimal("1500000.50"), IDR, Locale.of("id")))).isEqualTo("Rp 1.500.000,50");
    }

    @Test
    void rupiahInEnglishUsesCommasForThousands() {
        assertThat(normalize(Formats.money(new BigDecimal("150000"), IDR, Locale.of("en")))).isEqualTo("Rp 150,000");
    }

    @Test
    void dollarsInEnglish() {
        assertThat(Formats.money(new BigDecimal("12.5"), USD, Locale.of("en"))).isEqualTo("$12.50");
    }

    @Test
    void numbersFollowTheLanguage() {
        assertThat(Formats.number(1234567, Locale.of("id"))).isEqualTo("1.234.567");
        assertThat(Formats.number(1234567, Locale.of("en"))).isEqualTo("1,234,567");
    }

    @Test
    void timesAreShownInTheGivenZone() {
        Instant lateUtc = Instant.parse("2026-11-25T20:30:00Z");
        // 03:30 the next day in Jakarta (UTC+7)
        assertThat(Formats.date(lateUtc, JAKARTA, Locale.of("en"))).isEqualTo("Nov 26, 2026");
        assertThat(Formats.dateTime(lateUtc, JAKARTA, Locale.of("id"))).startsWith("26 Nov 2026").contains("03.30");
    }

    /** Currency formats use narrow/no-break spaces depending on the JDK's CLDR; compare them as plain spaces. */
    private static String normalize(String formatted) {
        return formatted.replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("^(Rp|IDR)(?=\\d)", "$1 ");
    }
}

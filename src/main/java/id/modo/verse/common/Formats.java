package id.modo.verse.common;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How amounts, numbers and times are shown to people: in their language, their time zone
 * and the amount's own currency. Whole amounts show no decimals (Rp 150.000); others keep the currency's own.
 */
public final class Formats {

    private Formats() {
    }

    public static String money(BigDecimal amount, Currency currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(regional(locale));
        format.setCurrency(currency);
        if ("IDR".equals(currency.getCurrencyCode()) && format instanceof DecimalFormat decimal) {
            // Rupiah is written "Rp" in Indonesia whatever the page language.
            DecimalFormatSymbols symbols = decimal.getDecimalFormatSymbols();
            symbols.setCurrencySymbol("Rp");
            decimal.setDecimalFormatSymbols(symbols);
        }
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        int digits = whole ? 0 : currency.getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(Math.max(digits, currency.getDefaultFractionDigits()));
        return format.format(amount);
    }

    public static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(regional(locale)).format(value);
    }

    /** A size in decimal units (1 KB = 1,000 bytes), as storage plans are sold: one decimal above bytes. */
    public static String bytes(long bytes, Locale locale) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(unit == 0 ? 0 : 1);
        return format.format(value) + " " + units[unit];
    }

    public static String date(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(regional(locale)).format(instant.atZone(zone));
    }

    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(regional(locale)).format(instant.atZone(zone));
    }

    /** Bahasa Indonesia means Indonesia's conventions (1.500.000,50); English keeps 1,500,000.50. */
    private static Locale regional(Locale locale) {
        if (locale.getCountry().isEmpty()) {
            return "id".equals(locale.getLanguage()) ? Locale.of("id", "ID") : Locale.US;
        }
        return locale;
    }
}

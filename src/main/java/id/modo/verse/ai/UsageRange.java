package id.modo.verse.ai;

import id.modo.verse.common.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a usage report covers, both ends included, as the reader's calendar has them ({@code zone}): at most
 * {@value #MAX_DAYS} days; without dates, the last {@value #DEFAULT_DAYS} days up to today.
 */
record UsageRange(LocalDate from, LocalDate to, ZoneId zone) {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    /** Where the range starts, inclusive. */
    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Where it ends, exclusive: the start of the day after {@code to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    /** The result of reading a range: the range, or the fields that are wrong. */
    record Parsed(UsageRange range, List<FieldError> errors) {
    }

    /** Reads {@code from} and {@code to} (yyyy-mm-dd, each optional); blank {@code from} counts back from {@code to}. */
    static Parsed parse(String from, String to, ZoneId zone, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date(to, "to", errors);
        LocalDate start = date(from, "from", errors);
        if (!errors.isEmpty()) {
            return new Parsed(null, errors);
        }
        if (end == null) {
            end = start == null || start.plusDays(DEFAULT_DAYS - 1).isAfter(today) ? today : start.plusDays(DEFAULT_DAYS - 1);
        }
        if (start == null) {
            start = end.minusDays(DEFAULT_DAYS - 1);
        }
        if (start.isAfter(end)) {
            errors.add(new FieldError("to", "must be on or after from"));
        } else if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            errors.add(new FieldError("to", "must be at most one year (" + MAX_DAYS + " days) after from"));
        }
        return errors.isEmpty() ? new Parsed(new UsageRange(start, end, zone), List.of()) : new Parsed(null, errors);
    }

    private static LocalDate date(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            // Far-off years are typing mistakes, and would overflow the database's timestamps.
            if (date.getYear() < 2000 || date.getYear() > 9999) {
                errors.add(new FieldError(field, "must be a date between 2000-01-01 and 9999-12-31"));
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a date as yyyy-mm-dd"));
            return null;
        }
    }
}

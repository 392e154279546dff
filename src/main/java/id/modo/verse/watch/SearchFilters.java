package id.modo.verse.watch;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a catalogue search asks for: words and filters, read from the API's and the page's parameters by one set of
 * rules, so a value the API refuses (400 naming the parameter) is one the page refuses too. Blank means "any".
 */
public record SearchFilters(String query, ContentType type, String genre, Integer year, BigDecimal minRating, String language) {

    public static final int MAX_QUERY = 100;
    static final int MIN_YEAR = 1888;
    static final int MAX_YEAR = 2100;
    private static final Pattern LANGUAGE = Pattern.compile("[\\p{L}\\p{N}_-]{1,20}");

    public static SearchFilters none() {
        return new SearchFilters(null, null, null, null, null, null);
    }

    /** The parameters as a client sent them; every wrong one is named in one 400 {@code validation-failed}. */
    public static SearchFilters parse(String q, String type, String genre, String year, String minRating, String language) {
        List<FieldError> errors = new ArrayList<>();
        String query = blankToNull(q);
        if (query != null && query.length() > MAX_QUERY) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY + " characters"));
        }
        ContentType contentType = null;
        if (blankToNull(type) != null) {
            try {
                contentType = ContentType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", "must be one of movie, series, short, documentary"));
            }
        }
        String genreName = blankToNull(genre);
        if (genreName != null && genreName.length() > 100) {
            errors.add(new FieldError("genre", "must be at most 100 characters"));
        }
        Integer releaseYear = null;
        if (blankToNull(year) != null) {
            try {
                releaseYear = Integer.valueOf(year.strip());
            } catch (NumberFormatException e) {
                releaseYear = null;
            }
            if (releaseYear == null || releaseYear < MIN_YEAR || releaseYear > MAX_YEAR) {
                errors.add(new FieldError("year", "must be a year between " + MIN_YEAR + " and " + MAX_YEAR));
                releaseYear = null;
            }
        }
        BigDecimal rating = null;
        if (blankToNull(minRating) != null) {
            try {
                rating = new BigDecimal(minRating.strip());
            } catch (NumberFormatException e) {
                rating = null;
            }
            if (rating == null || rating.compareTo(BigDecimal.ONE) < 0 || rating.compareTo(BigDecimal.valueOf(5)) > 0) {
                errors.add(new FieldError("min_rating", "must be a number from 1 to 5"));
                rating = null;
            }
        }
        String languageCode = blankToNull(language);
        if (languageCode != null && !LANGUAGE.matcher(languageCode).matches()) {
            errors.add(new FieldError("language", "must be a language code of up to 20 letters, e.g. id or en"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some parameters are not valid.", Map.of("errors", errors));
        }
        return new SearchFilters(query, contentType, genreName == null ? null : genreName.toLowerCase(Locale.ROOT), releaseYear, rating,
                languageCode == null ? null : languageCode.toLowerCase(Locale.ROOT));
    }

    /** The words of the query that full-text search can use: letters and digits, at most eight of them. */
    public List<String> words() {
        if (query == null) {
            return List.of();
        }
        return Pattern.compile("[^\\p{L}\\p{N}]+").splitAsStream(query.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).limit(8).toList();
    }

    /** The filters as page parameters (for the next page's link), in a fixed order, the empty ones left out. */
    public Map<String, String> asParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", query);
        parameters.put("type", type == null ? null : type.dbValue());
        parameters.put("genre", genre);
        parameters.put("year", year == null ? null : year.toString());
        parameters.put("min_rating", minRating == null ? null : minRating.toPlainString());
        parameters.put("language", language);
        return parameters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

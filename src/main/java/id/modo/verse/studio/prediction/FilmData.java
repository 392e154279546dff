package id.modo.verse.studio.prediction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The films of {@code studio/prediction/movies.json} (vega-datasets 3.2.1, see the NOTICE beside it) that can teach the
 * model: those with a positive production budget and worldwide gross. Of 3,201 films 3,146 remain.
 */
final class FilmData {

    static final String RESOURCE = "/studio/prediction/movies.json";
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("Jan", 1), Map.entry("Feb", 2), Map.entry("Mar", 3),
            Map.entry("Apr", 4), Map.entry("May", 5), Map.entry("Jun", 6), Map.entry("Jul", 7), Map.entry("Aug", 8),
            Map.entry("Sep", 9), Map.entry("Oct", 10), Map.entry("Nov", 11), Map.entry("Dec", 12));

    private FilmData() {
    }

    static List<Film> load() {
        try (InputStream in = FilmData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<Film> films = new ArrayList<>();
            for (JsonNode row : JsonMapper.builder().build().readTree(in)) {
                long gross = number(row, "Worldwide Gross");
                long budget = number(row, "Production Budget");
                if (gross > 0 && budget > 0) {
                    films.add(film(row, gross, budget));
                }
            }
            return List.copyOf(films);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Film film(JsonNode row, long gross, long budget) {
        Integer runningTime = row.path("Running Time min").isNumber() ? row.get("Running Time min").asInt() : null;
        // "Jun 12 1998": month, day, year; the file has a few years far in the future, kept as they are (unused).
        String[] date = text(row, "Release Date") == null ? new String[0] : text(row, "Release Date").split(" ");
        Integer month = date.length > 0 ? MONTHS.get(date[0]) : null;
        Integer year = date.length == 3 && date[2].matches("\\d{4}") ? Integer.valueOf(date[2]) : null;
        return new Film(text(row, "Title"), gross, Math.max(0, number(row, "US Gross")), budget, text(row, "Major Genre"),
                text(row, "MPAA Rating"), text(row, "Creative Type"), text(row, "Source"), runningTime, month, year,
                text(row, "Director"), text(row, "Distributor"));
    }

    private static long number(JsonNode row, String field) {
        JsonNode value = row.path(field);
        return value.isNumber() ? value.asLong() : 0;
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.path(field);
        // A few titles are numbers in the file ("1776", "2012"): they are titles all the same.
        return (value.isString() || value.isNumber()) && !value.asString().isBlank() ? value.asString() : null;
    }
}

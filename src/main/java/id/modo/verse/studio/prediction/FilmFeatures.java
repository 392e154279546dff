package id.modo.verse.studio.prediction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns {@link FilmTraits} into the model's named numeric features: the log of the budget, one indicator per known
 * genre, MPAA rating, creative type and source, the running time (centred, with an indicator when unknown) and one
 * indicator per release month. A category the films never had, or none, sets no indicator, so it moves nothing.
 */
final class FilmFeatures {

    static final String LOG_BUDGET = "log_budget";
    private static final double RUNNING_TIME_CENTRE = 110;
    private static final double RUNNING_TIME_SCALE = 20;

    private final List<String> genres;
    private final List<String> ratings;
    private final List<String> creativeTypes;
    private final List<String> sources;
    private final List<String> names;

    private FilmFeatures(List<String> genres, List<String> ratings, List<String> creativeTypes, List<String> sources) {
        this.genres = genres;
        this.ratings = ratings;
        this.creativeTypes = creativeTypes;
        this.sources = sources;
        List<String> all = new ArrayList<>();
        all.add(LOG_BUDGET);
        genres.forEach(g -> all.add("genre=" + g));
        ratings.forEach(r -> all.add("mpaa=" + r));
        creativeTypes.forEach(c -> all.add("creative_type=" + c));
        sources.forEach(s -> all.add("source=" + s));
        all.add("running_time");
        all.add("running_time_unknown");
        for (int month = 1; month <= 12; month++) {
            all.add("month=" + month);
        }
        this.names = List.copyOf(all);
    }

    /** The categories the films have, sorted, so the same films always give the same features. */
    static FilmFeatures of(Collection<Film> films) {
        return new FilmFeatures(levels(films, Film::genre), levels(films, Film::mpaaRating), levels(films, Film::creativeType),
                levels(films, Film::source));
    }

    private static List<String> levels(Collection<Film> films, Function<Film, String> field) {
        return List.copyOf(films.stream().map(field).filter(Objects::nonNull).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    List<String> names() {
        return names;
    }

    List<String> genres() {
        return genres;
    }

    List<String> ratings() {
        return ratings;
    }

    List<String> creativeTypes() {
        return creativeTypes;
    }

    List<String> sources() {
        return sources;
    }

    double[] values(FilmTraits traits) {
        double[] values = new double[names.size()];
        int i = 0;
        values[i++] = Math.log(traits.budgetUsd());
        i = oneHot(values, i, genres, traits.genre());
        i = oneHot(values, i, ratings, traits.mpaaRating());
        i = oneHot(values, i, creativeTypes, traits.creativeType());
        i = oneHot(values, i, sources, traits.source());
        Integer runningTime = traits.runningTime();
        values[i++] = runningTime == null ? 0 : (runningTime - RUNNING_TIME_CENTRE) / RUNNING_TIME_SCALE;
        values[i++] = runningTime == null ? 1 : 0;
        Integer month = traits.releaseMonth();
        if (month != null && month >= 1 && month <= 12) {
            values[i + month - 1] = 1;
        }
        return values;
    }

    private static int oneHot(double[] values, int start, List<String> levels, String value) {
        int at = value == null ? -1 : levels.indexOf(value);
        if (at >= 0) {
            values[start + at] = 1;
        }
        return start + levels.size();
    }
}

package id.modo.verse.studio.prediction;

/**
 * One released film of the training data, as {@code movies.json} has it: money in US dollars, text fields null where
 * the file has none. {@code releaseMonth} is 1..12.
 */
public record Film(String title, long worldwideGross, long usGross, long budget, String genre, String mpaaRating,
        String creativeType, String source, Integer runningTime, Integer releaseMonth, Integer releaseYear, String director,
        String distributor) {

    /** What a creator could have said about this film before it was made. */
    FilmTraits traits() {
        return new FilmTraits(budget, genre, mpaaRating, creativeType, source, runningTime, releaseMonth);
    }
}

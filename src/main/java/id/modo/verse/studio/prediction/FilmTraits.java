package id.modo.verse.studio.prediction;

/**
 * What a creator can state about a film before it is made, the model's inputs: the production budget in US dollars
 * (above 0), and the categories and numbers of {@code movies.json}, each null when not known (then it moves nothing).
 */
public record FilmTraits(double budgetUsd, String genre, String mpaaRating, String creativeType, String source,
        Integer runningTime, Integer releaseMonth) {

    public FilmTraits {
        if (!(budgetUsd > 0)) {
            throw new IllegalArgumentException("A budget above 0 is needed: " + budgetUsd);
        }
    }
}

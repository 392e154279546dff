package id.modo.verse.watch;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a publisher sets on a content. On a change a null field stays as it is; an empty string clears a text and an
 * empty list clears a list. Counts, status, streaming URLs and ratings are never here: the module keeps them.
 */
public record ContentFields(String title, String originalTitle, String slug, String description, String synopsis, ContentType type,
        String genre, List<String> subGenres, String rating, List<String> contentWarnings, Integer durationMinutes, Integer releaseYear,
        LocalDate releaseDate, String posterUrl, String bannerUrl, String trailerUrl, List<Person> cast, List<Person> crew,
        String productionCompany, String country, List<String> languages, ContentVisibility visibility, String metaTitle,
        String metaDescription, UUID projectId) {

    /** Someone in the cast or crew, with what they did. */
    public record Person(String name, String role) {
    }
}

package id.modo.verse.watch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A content as its publisher sees it, every column. */
public record ContentView(ContentId id, UUID organizationId, UUID projectId, String title, String originalTitle, String slug,
        String description, String synopsis, ContentType type, String genre, List<String> subGenres, String rating,
        List<String> contentWarnings, Integer durationMinutes, Integer seasonCount, Integer episodeCount, Integer releaseYear,
        LocalDate releaseDate, String posterUrl, String bannerUrl, String trailerUrl, String hlsUrl, List<ContentFields.Person> cast,
        List<ContentFields.Person> crew, String productionCompany, String country, List<String> languages, int viewCount,
        BigDecimal averageRating, int ratingCount, ContentStatus status, List<ContentStatus> allowedStatuses,
        ContentVisibility visibility, boolean featured, String metaTitle, String metaDescription, Instant createdAt,
        Instant updatedAt, Instant publishedAt) {
}

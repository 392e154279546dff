package id.modo.verse.watch;

import id.modo.verse.common.LowercaseEnumConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A title of the catalogue. Publishers change its details through {@link #update}; its status moves only through
 * {@link #moveTo}. Counts, ratings and the stream's address are written by the module in SQL (one statement each, safe
 * beside a publisher's save), so they are read here but never written back.
 */
@Entity
@Table(name = "contents")
class Content {

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "project_id")
    private UUID projectId;
    private String title;
    @Column(name = "original_title")
    private String originalTitle;
    private String slug;
    private String description;
    private String synopsis;
    @Convert(converter = TypeConverter.class)
    private ContentType type;
    private String genre;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sub_genres")
    private List<String> subGenres = new ArrayList<>();
    private String rating;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content_warnings")
    private List<String> contentWarnings = new ArrayList<>();
    @Column(name = "duration_minutes")
    private Integer durationMinutes;
    @Column(name = "season_count", updatable = false)
    private Integer seasonCount;
    @Column(name = "episode_count", updatable = false)
    private Integer episodeCount;
    @Column(name = "release_year")
    private Integer releaseYear;
    @Column(name = "release_date")
    private LocalDate releaseDate;
    @Column(name = "poster_url")
    private String posterUrl;
    @Column(name = "banner_url")
    private String bannerUrl;
    @Column(name = "trailer_url")
    private String trailerUrl;
    @Column(name = "hls_url", updatable = false)
    private String hlsUrl;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cast_list")
    private List<Map<String, String>> castList = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "crew_list")
    private List<Map<String, String>> crewList = new ArrayList<>();
    @Column(name = "production_company")
    private String productionCompany;
    private String country;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> languages = new ArrayList<>();
    @Column(name = "view_count", updatable = false)
    private int viewCount;
    @Column(name = "average_rating", updatable = false)
    private java.math.BigDecimal averageRating;
    @Column(name = "rating_count", updatable = false)
    private int ratingCount;
    @Convert(converter = StatusConverter.class)
    private ContentStatus status;
    @Convert(converter = VisibilityConverter.class)
    private ContentVisibility visibility;
    /** Platform admins curate it ({@link FeaturedContents}); a publisher's save must never write it. */
    @Column(updatable = false)
    private boolean featured;
    @Column(name = "meta_title")
    private String metaTitle;
    @Column(name = "meta_description")
    private String metaDescription;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Version
    private long version;

    protected Content() {
    }

    static Content create(UUID organizationId, String slug, ContentFields fields, Instant now) {
        Content content = new Content();
        content.id = UUID.randomUUID();
        content.organizationId = organizationId;
        content.type = fields.type();
        content.status = ContentStatus.DRAFT;
        content.visibility = ContentVisibility.SUBSCRIBERS;
        content.createdAt = now;
        if (content.type.episodic()) {
            content.seasonCount = 0;
            content.episodeCount = 0;
        }
        content.update(fields, now);
        content.slug = slug;
        return content;
    }

    /** Applies what the publisher sent; the type is fixed once created (a series' episodes would lose their meaning). */
    void update(ContentFields change, Instant now) {
        if (change.title() != null) {
            title = change.title().strip();
        }
        if (change.slug() != null && !change.slug().isBlank()) {
            slug = change.slug().strip();
        }
        originalTitle = text(change.originalTitle(), originalTitle);
        description = text(change.description(), description);
        synopsis = text(change.synopsis(), synopsis);
        genre = text(change.genre(), genre);
        subGenres = list(change.subGenres(), subGenres);
        rating = text(change.rating(), rating);
        contentWarnings = list(change.contentWarnings(), contentWarnings);
        if (change.durationMinutes() != null) {
            durationMinutes = change.durationMinutes();
        }
        if (change.releaseYear() != null) {
            releaseYear = change.releaseYear();
        }
        if (change.releaseDate() != null) {
            releaseDate = change.releaseDate();
        }
        posterUrl = text(change.posterUrl(), posterUrl);
        bannerUrl = text(change.bannerUrl(), bannerUrl);
        trailerUrl = text(change.trailerUrl(), trailerUrl);
        if (change.cast() != null) {
            castList = people(change.cast());
        }
        if (change.crew() != null) {
            crewList = people(change.crew());
        }
        productionCompany = text(change.productionCompany(), productionCompany);
        country = text(change.country(), country);
        languages = list(change.languages(), languages);
        if (change.visibility() != null) {
            visibility = change.visibility();
        }
        metaTitle = text(change.metaTitle(), metaTitle);
        metaDescription = text(change.metaDescription(), metaDescription);
        if (change.projectId() != null) {
            projectId = change.projectId();
        }
        updatedAt = now;
    }

    /** Moves the status along the content's life, or refuses with the moves allowed from here. */
    void moveTo(ContentStatus target, Instant now) {
        if (!status.next().contains(target)) {
            throw new ContentTransitionException(status, target);
        }
        status = target;
        if (target == ContentStatus.PUBLISHED && publishedAt == null) {
            publishedAt = now;
        }
        updatedAt = now;
    }

    /** A video started transcoding: a draft becomes processing; a content already further along keeps its status. */
    void videoUploaded(Instant now) {
        if (status == ContentStatus.DRAFT) {
            moveTo(ContentStatus.PROCESSING, now);
        }
    }

    private static String text(String requested, String current) {
        if (requested == null) {
            return current;
        }
        return requested.isBlank() ? null : requested.strip();
    }

    private static List<String> list(List<String> requested, List<String> current) {
        return requested == null ? current : new ArrayList<>(requested.stream().map(String::strip).toList());
    }

    private static List<Map<String, String>> people(List<ContentFields.Person> people) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (ContentFields.Person person : people) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", person.name().strip());
            if (person.role() != null && !person.role().isBlank()) {
                row.put("role", person.role().strip());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<ContentFields.Person> persons(List<Map<String, String>> rows) {
        return rows.stream().map(row -> new ContentFields.Person(row.get("name"), row.get("role"))).toList();
    }

    UUID id() { return id; }
    UUID organizationId() { return organizationId; }
    String slug() { return slug; }
    String title() { return title; }
    ContentType type() { return type; }
    ContentStatus status() { return status; }

    /** Everything a publisher sees of the content. */
    ContentView view() {
        return new ContentView(ContentId.of(id), organizationId, projectId, title, originalTitle, slug, description, synopsis, type,
                genre, List.copyOf(subGenres), rating, List.copyOf(contentWarnings), durationMinutes, seasonCount, episodeCount,
                releaseYear, releaseDate, posterUrl, bannerUrl, trailerUrl, hlsUrl, persons(castList), persons(crewList),
                productionCompany, country, List.copyOf(languages), viewCount, averageRating, ratingCount, status,
                status.next().stream().sorted().toList(), visibility, featured, metaTitle, metaDescription, createdAt, updatedAt,
                publishedAt);
    }

    @Converter
    static class TypeConverter extends LowercaseEnumConverter<ContentType> {
        TypeConverter() {
            super(ContentType.class);
        }
    }

    @Converter
    static class StatusConverter extends LowercaseEnumConverter<ContentStatus> {
        StatusConverter() {
            super(ContentStatus.class);
        }
    }

    @Converter
    static class VisibilityConverter extends LowercaseEnumConverter<ContentVisibility> {
        VisibilityConverter() {
            super(ContentVisibility.class);
        }
    }
}

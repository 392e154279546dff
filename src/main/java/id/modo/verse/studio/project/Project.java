package id.modo.verse.studio.project;

import id.modo.verse.common.LowercaseEnumConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A Studio project, the IP bible everything else hangs off. Its status moves only through {@link #moveTo}; a delete
 * puts it in the trash ({@link #trash}) from which it can be restored for {@link #RESTORE_WINDOW}.
 */
@Entity
@Table(name = "projects")
class Project {

    static final Duration RESTORE_WINDOW = Duration.ofDays(30);
    static final Pattern HEX_COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "user_id")
    private UUID userId;
    private String title;
    private String slug;
    private String description;
    private String logo;
    @Column(name = "thumbnail_mood")
    private String thumbnailMood;
    private String genre;
    @Column(name = "sub_genre")
    private String subGenre;
    @Convert(converter = FormatConverter.class)
    private ProjectFormat format;
    @Column(name = "target_audience")
    private String targetAudience;
    @Column(name = "target_market")
    private String targetMarket;
    @Column(name = "studio_name")
    private String studioName;
    @Column(name = "studio_logo")
    private String studioLogo;
    @Column(name = "ip_owner")
    private String ipOwner;
    @Column(name = "production_date")
    private LocalDate productionDate;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "brand_logos")
    private List<String> brandLogos = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "color_palette")
    private List<String> colorPalette = new ArrayList<>();
    @Convert(converter = StatusConverter.class)
    private ProjectStatus status;
    @Convert(converter = VisibilityConverter.class)
    private Visibility visibility;
    @Column(name = "modo_tokens")
    private long modoTokens;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "deleted_at")
    private Instant deletedAt;
    @Version
    private long version;

    protected Project() {
    }

    static Project create(UUID organizationId, UUID creator, String title, String slug, Visibility visibility, Instant now) {
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.organizationId = organizationId;
        project.userId = creator;
        project.title = title.strip();
        project.slug = slug;
        project.status = ProjectStatus.DRAFT;
        project.visibility = visibility == null ? Visibility.PRIVATE : visibility;
        project.createdAt = now;
        project.updatedAt = now;
        return project;
    }

    void update(ProjectChange change, Instant now) {
        if (change.title() != null) {
            title = change.title().strip();
        }
        if (change.slug() != null) {
            slug = change.slug().strip();
        }
        description = text(change.description(), description);
        logo = text(change.logo(), logo);
        thumbnailMood = text(change.thumbnailMood(), thumbnailMood);
        genre = text(change.genre(), genre);
        subGenre = text(change.subGenre(), subGenre);
        if (change.clearFormat()) {
            format = null;
        } else if (change.format() != null) {
            format = change.format();
        }
        targetAudience = text(change.targetAudience(), targetAudience);
        targetMarket = text(change.targetMarket(), targetMarket);
        studioName = text(change.studioName(), studioName);
        studioLogo = text(change.studioLogo(), studioLogo);
        ipOwner = text(change.ipOwner(), ipOwner);
        if (change.clearProductionDate()) {
            productionDate = null;
        } else if (change.productionDate() != null) {
            productionDate = change.productionDate();
        }
        if (change.brandLogos() != null) {
            brandLogos = new ArrayList<>(change.brandLogos().stream().map(String::strip).toList());
        }
        if (change.colorPalette() != null) {
            colorPalette = new ArrayList<>(change.colorPalette().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList());
        }
        if (change.visibility() != null) {
            visibility = change.visibility();
        }
        updatedAt = now;
    }

    /** Moves the status along the project's life, or refuses with the moves allowed from here. */
    void moveTo(ProjectStatus target, Instant now) {
        if (!status.next().contains(target)) {
            throw new ProjectTransitionException(status, target);
        }
        status = target;
        if (target == ProjectStatus.PUBLISHED && publishedAt == null) {
            publishedAt = now;
        }
        updatedAt = now;
    }

    void allotTokens(long tokens, Instant now) {
        modoTokens = tokens;
        updatedAt = now;
    }

    void trash(Instant now) {
        deletedAt = now;
        updatedAt = now;
    }

    void restore(Instant now) {
        deletedAt = null;
        updatedAt = now;
    }

    Instant purgeAfter() {
        return deletedAt == null ? null : deletedAt.plus(RESTORE_WINDOW);
    }

    Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("slug", slug);
        values.put("description", description);
        values.put("logo", logo);
        values.put("thumbnail_mood", thumbnailMood);
        values.put("genre", genre);
        values.put("sub_genre", subGenre);
        values.put("format", format == null ? null : format.dbValue());
        values.put("target_audience", targetAudience);
        values.put("target_market", targetMarket);
        values.put("studio_name", studioName);
        values.put("studio_logo", studioLogo);
        values.put("ip_owner", ipOwner);
        values.put("production_date", productionDate == null ? null : productionDate.toString());
        values.put("brand_logos", List.copyOf(brandLogos));
        values.put("color_palette", List.copyOf(colorPalette));
        values.put("status", status.dbValue());
        values.put("visibility", visibility.dbValue());
        values.put("modo_tokens", modoTokens);
        return values;
    }

    private static String text(String requested, String current) {
        if (requested == null) {
            return current;
        }
        return requested.isBlank() ? null : requested.strip();
    }

    UUID id() { return id; }
    UUID organizationId() { return organizationId; }
    UUID userId() { return userId; }
    String title() { return title; }
    String slug() { return slug; }
    String description() { return description; }
    String logo() { return logo; }
    String thumbnailMood() { return thumbnailMood; }
    String genre() { return genre; }
    String subGenre() { return subGenre; }
    ProjectFormat format() { return format; }
    String targetAudience() { return targetAudience; }
    String targetMarket() { return targetMarket; }
    String studioName() { return studioName; }
    String studioLogo() { return studioLogo; }
    String ipOwner() { return ipOwner; }
    LocalDate productionDate() { return productionDate; }
    List<String> brandLogos() { return List.copyOf(brandLogos); }
    List<String> colorPalette() { return List.copyOf(colorPalette); }
    ProjectStatus status() { return status; }
    Visibility visibility() { return visibility; }
    long modoTokens() { return modoTokens; }
    Instant createdAt() { return createdAt; }
    Instant updatedAt() { return updatedAt; }
    Instant publishedAt() { return publishedAt; }
    Instant deletedAt() { return deletedAt; }
    long version() { return version; }

    @Converter
    static class StatusConverter extends LowercaseEnumConverter<ProjectStatus> {
        StatusConverter() {
            super(ProjectStatus.class);
        }
    }

    @Converter
    static class VisibilityConverter extends LowercaseEnumConverter<Visibility> {
        VisibilityConverter() {
            super(Visibility.class);
        }
    }

    @Converter
    static class FormatConverter extends LowercaseEnumConverter<ProjectFormat> {
        FormatConverter() {
            super(ProjectFormat.class);
        }
    }
}

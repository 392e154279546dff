package id.modo.verse.watch;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Watch publishing", description = "An organization's streaming contents, their seasons and episodes, and their status")
@RestController
class ContentApiController {

    static final String URL = "^$|^https?://\\S+$|^/\\S*$";
    static final String URL_MESSAGE = "must be an http(s) URL or a path of this site";

    private final Contents contents;
    private final Episodes episodes;

    ContentApiController(Contents contents, Episodes episodes) {
        this.contents = contents;
        this.episodes = episodes;
    }

    enum VisibilityName { free, subscribers, premium }

    enum StatusName { draft, processing, published, archived }

    enum RatingName {
        G, PG, @JsonProperty("PG-13") PG_13, R, @JsonProperty("NC-17") NC_17;

        String dbValue() {
            return name().replace('_', '-');
        }
    }

    record PersonRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String role) {
    }

    record ContentRequest(@NotBlank @Size(max = 255) String title, @Size(max = 255) String originalTitle, @Size(max = 100) String slug,
            @Size(max = 20000) String description, @Size(max = 20000) String synopsis, @NotNull TypeKey type, @Size(max = 100) String genre,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> subGenres, RatingName rating,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> contentWarnings, @Min(0) @Max(10000) Integer durationMinutes,
            @Min(1888) @Max(2100) Integer releaseYear, LocalDate releaseDate,
            @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String posterUrl,
            @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String bannerUrl,
            @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String trailerUrl,
            @Size(max = 100) List<@NotNull @Valid PersonRequest> castList, @Size(max = 100) List<@NotNull @Valid PersonRequest> crewList,
            @Size(max = 255) String productionCompany, @Size(max = 100) String country,
            @Size(max = 20) List<@NotBlank @Size(max = 20) String> languages, VisibilityName visibility, @Size(max = 255) String metaTitle,
            @Size(max = 2000) String metaDescription, UUID projectId) {

        ContentFields fields() {
            return ContentApiController.fields(title, originalTitle, slug, description, synopsis, type == null ? null : type.domain(), genre,
                    subGenres, rating, contentWarnings, durationMinutes, releaseYear, releaseDate, posterUrl, bannerUrl, trailerUrl, castList,
                    crewList, productionCompany, country, languages, visibility, metaTitle, metaDescription, projectId);
        }
    }

    /** Every field optional: absent stays, an empty string or list clears. The type is fixed at creation. */
    record ContentChangeRequest(@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
            @Size(max = 255) String originalTitle, @Size(max = 100) String slug,
            @Size(max = 20000) String description, @Size(max = 20000) String synopsis, @Size(max = 100) String genre,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> subGenres, RatingName rating,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> contentWarnings, @Min(0) @Max(10000) Integer durationMinutes,
            @Min(1888) @Max(2100) Integer releaseYear, LocalDate releaseDate,
            @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String posterUrl,
            @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String bannerUrl,
            @Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String trailerUrl,
            @Size(max = 100) List<@NotNull @Valid PersonRequest> castList, @Size(max = 100) List<@NotNull @Valid PersonRequest> crewList,
            @Size(max = 255) String productionCompany, @Size(max = 100) String country,
            @Size(max = 20) List<@NotBlank @Size(max = 20) String> languages, VisibilityName visibility, @Size(max = 255) String metaTitle,
            @Size(max = 2000) String metaDescription, UUID projectId) {

        ContentFields fields() {
            return ContentApiController.fields(title, originalTitle, slug, description, synopsis, null, genre, subGenres, rating,
                    contentWarnings, durationMinutes, releaseYear, releaseDate, posterUrl, bannerUrl, trailerUrl, castList, crewList,
                    productionCompany, country, languages, visibility, metaTitle, metaDescription, projectId);
        }
    }

    /** The JSON names of the types; {@code short} as the ERD spells it. */
    enum TypeKey {
        @JsonProperty("movie") MOVIE, @JsonProperty("series") SERIES, @JsonProperty("short") SHORT,
        @JsonProperty("documentary") DOCUMENTARY;

        ContentType domain() {
            return ContentType.valueOf(name());
        }
    }

    record StatusRequest(@NotNull StatusName status) {
    }

    record SeasonRequest(@NotNull @Min(1) @Max(1000) Integer seasonNumber, @Size(max = 255) String title,
            @Size(max = 20000) String description, @Min(1888) @Max(2100) Integer releaseYear) {
    }

    record EpisodeRequest(@NotNull @Min(1) @Max(1000) Integer seasonNumber, @NotNull @Min(0) @Max(10000) Integer episodeNumber,
            @Size(max = 255) String title, @Size(max = 20000) String description, @Min(0) @Max(10000) Integer durationMinutes) {
    }

    record PersonResponse(String name, String role) {
    }

    record ContentResponse(UUID id, UUID organizationId, UUID projectId, String title, String originalTitle, String slug,
            String description, String synopsis, String type, String genre, List<String> subGenres, String rating,
            List<String> contentWarnings, Integer durationMinutes, Integer seasonCount, Integer episodeCount, Integer releaseYear,
            LocalDate releaseDate, String posterUrl, String bannerUrl, String trailerUrl, String hlsUrl, List<PersonResponse> castList,
            List<PersonResponse> crewList, String productionCompany, String country, List<String> languages, int viewCount,
            BigDecimal averageRating, int ratingCount, String status, List<String> allowedStatuses, String visibility, boolean featured,
            String metaTitle, String metaDescription, Instant createdAt, Instant updatedAt, Instant publishedAt) {

        static ContentResponse of(ContentView v) {
            return new ContentResponse(v.id().value(), v.organizationId(), v.projectId(), v.title(), v.originalTitle(), v.slug(),
                    v.description(), v.synopsis(), v.type().dbValue(), v.genre(), v.subGenres(), v.rating(), v.contentWarnings(),
                    v.durationMinutes(), v.seasonCount(), v.episodeCount(), v.releaseYear(), v.releaseDate(), v.posterUrl(), v.bannerUrl(),
                    v.trailerUrl(), v.hlsUrl(), people(v.cast()), people(v.crew()), v.productionCompany(), v.country(), v.languages(),
                    v.viewCount(), v.averageRating(), v.ratingCount(), v.status().dbValue(),
                    v.allowedStatuses().stream().map(ContentStatus::dbValue).toList(), v.visibility().dbValue(), v.featured(),
                    v.metaTitle(), v.metaDescription(), v.createdAt(), v.updatedAt(), v.publishedAt());
        }

        private static List<PersonResponse> people(List<ContentFields.Person> people) {
            return people.stream().map(p -> new PersonResponse(p.name(), p.role())).toList();
        }
    }

    record EpisodeResponse(UUID id, UUID seasonId, int seasonNumber, int episodeNumber, String title, String description,
            Integer durationMinutes, String thumbnailUrl, String hlsUrl, int viewCount) {

        static EpisodeResponse of(Episodes.EpisodeView e) {
            return new EpisodeResponse(e.id().value(), e.seasonId().value(), e.seasonNumber(), e.episodeNumber(), e.title(),
                    e.description(), e.durationMinutes(), e.thumbnailUrl(), e.hlsUrl(), e.viewCount());
        }
    }

    record SeasonResponse(UUID id, int seasonNumber, String title, String description, Integer releaseYear, int episodeCount,
            List<EpisodeResponse> episodes) {

        static SeasonResponse of(Episodes.SeasonView s) {
            return new SeasonResponse(s.id().value(), s.seasonNumber(), s.title(), s.description(), s.releaseYear(), s.episodeCount(),
                    s.episodes().stream().map(EpisodeResponse::of).toList());
        }
    }

    @Operation(summary = "The organization's contents, newest first", description = "For its members. Pass `next_cursor` back as `cursor`.")
    @GetMapping("/api/v1/organizations/{orgId}/contents")
    Page<ContentResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @RequestParam(required = false) StatusName status,
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return contents.list(caller.id(), orgId, status == null ? null : ContentStatus.valueOf(status.name().toUpperCase(Locale.ROOT)),
                cursor, limit).map(ContentResponse::of);
    }

    @Operation(summary = "Create a content", description = """
            For members who may edit content. It starts as a `draft` seen only by the organization; visibility defaults to \
            `subscribers`. Counts, status and streaming addresses are the module's and cannot be set.""")
    @PostMapping("/api/v1/organizations/{orgId}/contents")
    @ResponseStatus(HttpStatus.CREATED)
    ContentResponse create(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Valid @RequestBody ContentRequest request) {
        return ContentResponse.of(contents.create(caller.id(), orgId, request.fields()));
    }

    @GetMapping("/api/v1/organizations/{orgId}/contents/{contentId}")
    ContentResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId) {
        return ContentResponse.of(contents.get(caller.id(), orgId, contentId));
    }

    @PatchMapping("/api/v1/organizations/{orgId}/contents/{contentId}")
    ContentResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId, @Valid @RequestBody ContentChangeRequest request) {
        return ContentResponse.of(contents.update(caller.id(), orgId, contentId, request.fields()));
    }

    @Operation(summary = "Move a content to another status", description = """
            draft → processing (an upload does it) → published → archived → published; a failed transcode takes processing \
            back to draft. Publishing needs a transcoded video (409 `video-not-ready`); any other move is 409 \
            `illegal-transition` with `from`, `to` and `allowed`.""")
    @PostMapping("/api/v1/organizations/{orgId}/contents/{contentId}/status")
    ContentResponse status(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId, @Valid @RequestBody StatusRequest request) {
        return ContentResponse.of(contents.changeStatus(caller.id(), orgId, contentId,
                ContentStatus.valueOf(request.status().name().toUpperCase(Locale.ROOT))));
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/contents/{contentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable ContentId contentId) {
        contents.delete(caller.id(), orgId, contentId);
    }

    @GetMapping("/api/v1/organizations/{orgId}/contents/{contentId}/seasons")
    List<SeasonResponse> seasons(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId) {
        return episodes.seasons(caller.id(), orgId, contentId).stream().map(SeasonResponse::of).toList();
    }

    @Operation(summary = "Add a season to a series", description = "A number the series has is 409 `number-taken`; a movie is 409 `wrong-content-type`.")
    @PostMapping("/api/v1/organizations/{orgId}/contents/{contentId}/seasons")
    @ResponseStatus(HttpStatus.CREATED)
    SeasonResponse addSeason(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId, @Valid @RequestBody SeasonRequest request) {
        return SeasonResponse.of(episodes.addSeason(caller.id(), orgId, contentId, request.seasonNumber(), request.title(),
                request.description(), request.releaseYear()));
    }

    @Operation(summary = "Add an episode to a season", description = "An episode number the season has is 409 `number-taken`.")
    @PostMapping("/api/v1/organizations/{orgId}/contents/{contentId}/episodes")
    @ResponseStatus(HttpStatus.CREATED)
    EpisodeResponse addEpisode(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId, @Valid @RequestBody EpisodeRequest request) {
        return EpisodeResponse.of(episodes.addEpisode(caller.id(), orgId, contentId, request.seasonNumber(), request.episodeNumber(),
                request.title(), request.description(), request.durationMinutes()));
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/contents/{contentId}/episodes/{episodeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteEpisode(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable ContentId contentId, @PathVariable EpisodeId episodeId) {
        episodes.deleteEpisode(caller.id(), orgId, contentId, episodeId);
    }

    /** A change of who may watch alone, every other field left as it is (the content manager page's visibility form). */
    static ContentFields visibilityOnly(VisibilityName visibility) {
        return fields(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, visibility, null, null, null);
    }

    private static ContentFields fields(String title, String originalTitle, String slug, String description, String synopsis,
            ContentType type, String genre, List<String> subGenres, RatingName rating, List<String> contentWarnings,
            Integer durationMinutes, Integer releaseYear, LocalDate releaseDate, String posterUrl, String bannerUrl, String trailerUrl,
            List<PersonRequest> cast, List<PersonRequest> crew, String productionCompany, String country, List<String> languages,
            VisibilityName visibility, String metaTitle, String metaDescription, UUID projectId) {
        return new ContentFields(title, originalTitle, slug, description, synopsis, type, genre, subGenres,
                rating == null ? null : rating.dbValue(), contentWarnings, durationMinutes, releaseYear, releaseDate, posterUrl, bannerUrl,
                trailerUrl, persons(cast), persons(crew), productionCompany, country, languages,
                visibility == null ? null : ContentVisibility.valueOf(visibility.name().toUpperCase(Locale.ROOT)), metaTitle,
                metaDescription, projectId);
    }

    private static List<ContentFields.Person> persons(List<PersonRequest> people) {
        return people == null ? null : people.stream().map(p -> new ContentFields.Person(p.name(), p.role())).toList();
    }
}

package id.modo.verse.watch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins choose the catalogue home's featured titles ({@code /api/v1/admin/**} needs ROLE_ADMIN). */
@Tag(name = "Watch featured titles", description = "The platform admins' curation of the catalogue home's banner")
@RestController
class FeaturedApiController {

    private final FeaturedContents featured;

    FeaturedApiController(FeaturedContents featured) {
        this.featured = featured;
    }

    record FeaturedRequest(@NotNull Boolean featured) {
    }

    record FeaturedResponse(UUID id, String title, String organizationName, String visibility, boolean featured, Instant publishedAt) {

        static FeaturedResponse of(FeaturedContents.Line line) {
            return new FeaturedResponse(line.id(), line.title(), line.organizationName(), line.visibility(), line.featured(), line.publishedAt());
        }
    }

    @Operation(summary = "The featured titles, newest published first", description = "The banner shows the first published one.")
    @GetMapping("/api/v1/admin/contents/featured")
    List<FeaturedResponse> list() {
        return featured.featured().stream().map(FeaturedResponse::of).toList();
    }

    @Operation(summary = "Feature a title on the catalogue home, or stop featuring it",
            description = "Only a published title can be featured (409 `not-published`); unfeaturing works in any status. Idempotent.")
    @PutMapping("/api/v1/admin/contents/{contentId}/featured")
    FeaturedResponse set(@PathVariable ContentId contentId, @Valid @RequestBody FeaturedRequest request) {
        return FeaturedResponse.of(featured.set(contentId, request.featured()));
    }
}

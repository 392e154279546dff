package id.modo.verse.invest;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.organization.OrganizationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invest campaign updates", description = "What a campaign's creator tells its public and its backers")
@RestController
class CampaignUpdatesApiController {

    private static final String MANAGE = "/api/v1/organizations/{orgId}/campaigns/{campaignId}/updates";

    /** {@code content} is Markdown; {@code visibility} {@code public} (default) or {@code backers_only}. */
    record UpdateRequest(@NotBlank @Size(max = 255) String title, @NotBlank @Size(max = 20000) String content,
            @Pattern(regexp = "public|backers_only", message = "must be public or backers_only") String visibility) {
    }

    /** {@code content_html} is the Markdown rendered and sanitized. */
    record UpdateResponse(UUID id, UUID campaignId, String title, String content, String contentHtml, String visibility,
            Instant createdAt) {

        static UpdateResponse of(UpdateView u) {
            return new UpdateResponse(u.id(), u.campaignId(), u.title(), u.content(), u.html(), u.visibility(), u.createdAt());
        }
    }

    private final CampaignUpdates updates;

    CampaignUpdatesApiController(CampaignUpdates updates) {
        this.updates = updates;
    }

    @Operation(summary = "Post an update", description = """
            Members who edit content, once the campaign is launched (a draft, one under review or a cancelled one is 409 \
            `campaign-locked`). `content` is Markdown; it is shown sanitized.""")
    @PostMapping(MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    UpdateResponse post(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @Valid @RequestBody UpdateRequest request) {
        return UpdateResponse.of(updates.post(caller.id(), orgId, campaignId, request.title(), request.content(), request.visibility()));
    }

    @Operation(summary = "The campaign's updates, for its members", description = "Any member; public and backers-only, newest first.")
    @GetMapping(MANAGE)
    Page<UpdateResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @PathVariable CampaignId campaignId,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return updates.forMembers(caller.id(), orgId, campaignId, cursor, limit).map(UpdateResponse::of);
    }

    @Operation(summary = "Delete an update", description = "Members who edit content.")
    @DeleteMapping(MANAGE + "/{updateId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable CampaignId campaignId,
            @PathVariable UUID updateId) {
        updates.delete(caller.id(), orgId, campaignId, updateId);
    }

    @Operation(summary = "A launched campaign's updates (public)", description = """
            Newest first: the public ones for everyone, and the backers-only ones too for a signed-in reader with a \
            confirmed investment in the campaign. A campaign that is not public is 404.""")
    @GetMapping("/api/v1/campaigns/{campaignId}/updates")
    Page<UpdateResponse> forReader(@AuthenticationPrincipal CurrentUser caller, @PathVariable CampaignId campaignId,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return updates.forReader(caller == null ? null : caller.id(), campaignId, cursor, limit).map(UpdateResponse::of);
    }
}

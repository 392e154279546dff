package id.modo.verse.organization;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invitations", description = "Inviting people into an organization by email, and accepting or declining")
@RestController
@RequestMapping("/api/v1")
class InvitationApiController {

    private final Invitations invitations;

    InvitationApiController(Invitations invitations) {
        this.invitations = invitations;
    }

    record InviteRequest(
            @NotBlank @Size(max = 255) @Email
            @Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "must be an email address such as sari@example.id") String email,
            @NotNull OrganizationApiController.RoleName role) {
    }

    record TokenRequest(@NotBlank @Size(max = 200) String token) {
    }

    record InvitationResponse(UUID id, UUID organizationId, String email, String role, String status, Instant expiresAt,
            UUID invitedBy, Instant createdAt, Instant acceptedAt) {
        static InvitationResponse of(Invitations.InvitationView view) {
            return new InvitationResponse(view.id(), view.organizationId().value(), view.email(), view.role().dbValue(),
                    view.status().dbValue(), view.expiresAt(), view.invitedBy() == null ? null : view.invitedBy().value(),
                    view.createdAt(), view.acceptedAt());
        }
    }

    @PostMapping("/organizations/{orgId}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse invite(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Valid @RequestBody InviteRequest request) {
        return InvitationResponse.of(invitations.invite(caller.id(), orgId, request.email(),
                Role.fromDb(request.role().name())));
    }

    @Operation(summary = "The organization's invitations, newest first", description = """
            For owners and admins. Pass `next_cursor` back as `cursor` for the next page; it is null on the last page.""")
    @GetMapping("/organizations/{orgId}/invitations")
    Page<InvitationResponse> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return invitations.list(caller.id(), orgId, cursor, limit).map(InvitationResponse::of);
    }

    @DeleteMapping("/organizations/{orgId}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable UUID invitationId) {
        invitations.revoke(caller.id(), orgId, invitationId);
    }

    @PostMapping("/organizations/{orgId}/invitations/{invitationId}/resend")
    InvitationResponse resend(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable UUID invitationId) {
        return InvitationResponse.of(invitations.resend(caller.id(), orgId, invitationId));
    }

    @PostMapping("/invitations/accept")
    OrganizationApiController.OrganizationResponse accept(@AuthenticationPrincipal CurrentUser caller,
            @Valid @RequestBody TokenRequest request) {
        return OrganizationApiController.OrganizationResponse.of(invitations.accept(caller.id(), caller.email(), request.token()));
    }

    @PostMapping("/invitations/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decline(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody TokenRequest request) {
        invitations.decline(caller.id(), caller.email(), request.token());
    }
}

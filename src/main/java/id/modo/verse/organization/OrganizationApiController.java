package id.modo.verse.organization;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.identity.UserId;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Organizations", description = "Studios and teams, their members and roles")
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationApiController {

    private final Organizations organizations;

    OrganizationApiController(Organizations organizations) {
        this.organizations = organizations;
    }

    enum RoleName { owner, admin, editor, viewer }

    record CreateRequest(@NotBlank @Size(max = 255) String name, @Size(max = 100) String slug) {
    }

    record UpdateRequest(@Size(min = 1, max = 255) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name, @Size(max = 5000) String description,
            @Size(max = 255) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL") String website,
            @Size(max = 2000) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL") String logo,
            @Size(max = 255) @Email String billingEmail) {
    }

    record RoleRequest(@NotNull RoleName role) {
    }

    record TransferRequest(@NotNull UUID userId) {
    }

    record OrganizationResponse(UUID id, String name, String slug, String description, String website, String logo,
            String billingEmail, String plan, String myRole, Instant createdAt) {
        static OrganizationResponse of(Organizations.OrganizationView view) {
            return new OrganizationResponse(view.id().value(), view.name(), view.slug(), view.description(), view.website(),
                    view.logo(), view.billingEmail(), view.plan(), view.myRole().dbValue(), view.createdAt());
        }
    }

    record MemberResponse(UUID userId, String name, String email, String username, String avatar, String role, Instant joinedAt) {
        static MemberResponse of(Organizations.MemberView view) {
            return new MemberResponse(view.userId().value(), view.name(), view.email(), view.username(), view.avatar(),
                    view.role().dbValue(), view.joinedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationResponse create(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody CreateRequest request) {
        return OrganizationResponse.of(organizations.create(caller.id(), request.name(), request.slug()));
    }

    @Operation(summary = "My organizations", description = """
            The organizations the caller belongs to, in the order they joined them, with their role in each. Pass \
            `next_cursor` back as `cursor`; it is null on the last page.""")
    @GetMapping
    Page<OrganizationResponse> mine(@AuthenticationPrincipal CurrentUser caller,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return organizations.mine(caller.id(), cursor, limit).map(OrganizationResponse::of);
    }

    @GetMapping("/{orgId}")
    OrganizationResponse get(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId) {
        return OrganizationResponse.of(organizations.get(caller.id(), orgId));
    }

    @PatchMapping("/{orgId}")
    OrganizationResponse update(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Valid @RequestBody UpdateRequest request) {
        return OrganizationResponse.of(organizations.update(caller.id(), orgId,
                new OrganizationChange(request.name(), request.description(), request.website(), request.logo(), request.billingEmail())));
    }

    @DeleteMapping("/{orgId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId) {
        organizations.delete(caller.id(), orgId);
    }

    @Operation(summary = "The organization's members in the order they joined", description = """
            For any member. Pass `next_cursor` back as `cursor` for the next page; it is null on the last page.""")
    @GetMapping("/{orgId}/members")
    Page<MemberResponse> members(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId,
            @Parameter(description = "1 to 100, default 20")
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return organizations.members(caller.id(), orgId, cursor, limit).map(MemberResponse::of);
    }

    @PatchMapping("/{orgId}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeRole(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable UserId userId,
            @Valid @RequestBody RoleRequest request) {
        organizations.changeRole(caller.id(), orgId, userId, Role.valueOf(request.role().name().toUpperCase()));
    }

    @DeleteMapping("/{orgId}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @PathVariable UserId userId) {
        organizations.removeMember(caller.id(), orgId, userId);
    }

    @PostMapping("/{orgId}/transfer-ownership")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void transfer(@AuthenticationPrincipal CurrentUser caller, @PathVariable OrganizationId orgId, @Valid @RequestBody TransferRequest request) {
        organizations.transferOwnership(caller.id(), orgId, UserId.of(request.userId()));
    }
}

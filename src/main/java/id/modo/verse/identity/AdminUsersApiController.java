package id.modo.verse.identity;

import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts as platform admins see them; every path here requires ROLE_ADMIN (see the web security rules). */
@Tag(name = "Admin: users", description = "Find, suspend and restore accounts (platform admins only)")
@RestController
@RequestMapping("/api/v1/admin/users")
class AdminUsersApiController {

    private final UserAdministration administration;

    AdminUsersApiController(UserAdministration administration) {
        this.administration = administration;
    }

    record AdminUserResponse(UUID id, String email, String name, String username, String status, String platformRole,
            boolean emailVerified, Instant createdAt, Instant lastLoginAt) {

        static AdminUserResponse of(Accounts.Account account) {
            return new AdminUserResponse(account.id().value(), account.email(), account.name(), account.username(),
                    account.status(), account.platformRole().name().toLowerCase(Locale.ROOT), account.emailVerified(),
                    account.createdAt(), account.lastLoginAt());
        }
    }

    /** Newest first; {@code q} matches a part of the email, name or username in any letter case. */
    @GetMapping
    Page<AdminUserResponse> list(@RequestParam(required = false) @Size(max = 255) String q,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return administration.search(q, status, limit, cursor).map(AdminUserResponse::of);
    }

    @GetMapping("/{userId}")
    AdminUserResponse get(@PathVariable UserId userId) {
        return administration.find(userId).map(AdminUserResponse::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such account."));
    }

    /** Suspends the account and signs out all its sessions at once. */
    @PostMapping("/{userId}/suspend")
    AdminUserResponse suspend(@AuthenticationPrincipal CurrentUser admin, @PathVariable UserId userId) {
        return AdminUserResponse.of(administration.suspend(admin, userId));
    }

    @PostMapping("/{userId}/restore")
    AdminUserResponse restore(@AuthenticationPrincipal CurrentUser admin, @PathVariable UserId userId) {
        return AdminUserResponse.of(administration.restore(admin, userId));
    }
}

package id.modo.verse.identity;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.Page;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "My account", description = "The signed-in user's profile, password and sessions")
@RestController
@RequestMapping("/api/v1/me")
class MeApiController {

    private final Accounts accounts;
    private final SignIn signIn;
    private final List<AccountDeletionGuard> deletionGuards;

    MeApiController(Accounts accounts, SignIn signIn, List<AccountDeletionGuard> deletionGuards) {
        this.accounts = accounts;
        this.signIn = signIn;
        this.deletionGuards = deletionGuards;
    }

    record DeleteRequest(@NotNull @Size(max = 1000) String password) {
    }

    /** Deletes the account (anonymised, signed out everywhere); the password confirms it. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody DeleteRequest request) {
        accounts.deleteAccount(caller, request.password(), deletionGuards);
    }

    record AccountResponse(UUID id, String email, boolean emailVerified, String name, String username, String avatar, String bio,
            Map<String, Object> preferences, Map<String, Object> notificationSettings, String platformRole, Instant createdAt) {

        static AccountResponse of(Accounts.Account account) {
            return new AccountResponse(account.id().value(), account.email(), account.emailVerified(), account.name(),
                    account.username(), account.avatar(), account.bio(), account.preferences(), account.notificationSettings(),
                    account.platformRole().name().toLowerCase(java.util.Locale.ROOT), account.createdAt());
        }
    }

    /** Only these fields can be changed here; anything else in the body is ignored. */
    record ProfileRequest(
            @Size(min = 1, max = 255) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
            @Pattern(regexp = "^$|^[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{1,28}[a-zA-Z0-9])$",
                    message = "must be 3-30 letters, digits, '.', '_' or '-', starting and ending with a letter or digit") String username,
            @Size(max = 2000) @Pattern(regexp = "^$|^https?://\\S+$", message = "must be an http(s) URL") String avatar,
            @Size(max = 2000) String bio,
            @Pattern(regexp = "en|id", message = "must be en or id") String language,
            @Size(max = 64) @TimeZoneName String timeZone,
            Map<String, Boolean> notificationSettings) {
    }

    record PasswordRequest(@NotNull @Size(max = 1000) String currentPassword, @NotNull @Size(max = 1000) String newPassword) {
    }

    record SessionResponse(UUID id, boolean current, String client, String ipAddress, String userAgent, Instant createdAt,
            Instant lastActiveAt, Instant expiresAt) {
    }

    @GetMapping
    AccountResponse me(@AuthenticationPrincipal CurrentUser caller) {
        return accounts.find(caller.id()).map(AccountResponse::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such account."));
    }

    @PatchMapping
    AccountResponse update(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody ProfileRequest request) {
        return AccountResponse.of(accounts.updateProfile(caller.id(), new ProfileChange(request.name(), request.username(),
                request.avatar(), request.bio(), request.language(), request.timeZone(), request.notificationSettings())));
    }

    /** Sends a new verification link; does nothing for a verified email. */
    @PostMapping("/verification-email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resendVerification(@AuthenticationPrincipal CurrentUser caller) {
        accounts.resendVerification(caller.id());
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody PasswordRequest request) {
        accounts.changePassword(caller, request.currentPassword(), request.newPassword());
    }

    @Operation(summary = "My live sessions, newest first", description = """
            The one this request uses has `current: true`. Pass `next_cursor` back as `cursor`; it is null on the last page.""")
    @GetMapping("/sessions")
    Page<SessionResponse> sessions(@AuthenticationPrincipal CurrentUser caller,
            @Parameter(description = "1 to 100, default 20") @RequestParam(defaultValue = "" + Keyset.DEFAULT_LIMIT) @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 500) String cursor) {
        return signIn.sessionsOf(caller, cursor, limit)
                .map(s -> new SessionResponse(s.id(), s.id().equals(caller.sessionId()), s.client(), s.ipAddress(), s.userAgent(),
                        s.createdAt(), s.lastActiveAt(), s.expiresAt()));
    }

    @DeleteMapping("/sessions/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID sessionId) {
        if (!signIn.revoke(caller, sessionId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "There is no such session.");
        }
    }
}

package id.modo.verse.identity;

import java.util.UUID;

/**
 * The signed-in caller of a request: the principal of Spring Security's authentication, taken
 * in controllers with {@code @AuthenticationPrincipal CurrentUser user}.
 */
public record CurrentUser(UserId id, UUID sessionId, String email, String name, PlatformRole platformRole) {

    public boolean isPlatformAdmin() {
        return platformRole.isAdmin();
    }
}

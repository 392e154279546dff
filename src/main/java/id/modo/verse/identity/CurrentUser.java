package id.modo.verse.identity;

import java.security.Principal;
import java.util.UUID;

/**
 * The signed-in caller of a request: the principal of Spring Security's authentication, taken
 * in controllers with {@code @AuthenticationPrincipal CurrentUser user}.
 */
public record CurrentUser(UserId id, UUID sessionId, String email, String name, PlatformRole platformRole) implements Principal {

    /** The display name, which is what pages show for the signed-in person. */
    @Override
    public String getName() {
        return name == null || name.isBlank() ? email : name;
    }

    public boolean isPlatformAdmin() {
        return platformRole.isAdmin();
    }
}

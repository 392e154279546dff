package id.modo.verse.identity;

import id.modo.verse.common.web.DisplayPreferences;
import id.modo.verse.common.web.SignedIn;
import java.security.Principal;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in caller of a request: the principal of Spring Security's authentication, taken
 * in controllers with {@code @AuthenticationPrincipal CurrentUser user}.
 */
public record CurrentUser(UserId id, UUID sessionId, String email, String name, PlatformRole platformRole, String preferredTimeZone)
        implements Principal, DisplayPreferences, SignedIn {

    /** The time zone the person chose in their profile, if it is a valid one. */
    @Override
    public Optional<ZoneId> timeZone() {
        if (preferredTimeZone == null || !ZoneId.getAvailableZoneIds().contains(preferredTimeZone)) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(preferredTimeZone));
    }

    /** The display name, which is what pages show for the signed-in person. */
    @Override
    public String getName() {
        return name == null || name.isBlank() ? email : name;
    }

    @Override
    public UUID userId() {
        return id.value();
    }

    public boolean isPlatformAdmin() {
        return platformRole.isAdmin();
    }
}

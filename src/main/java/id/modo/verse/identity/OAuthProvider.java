package id.modo.verse.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The OAuth2 providers an account can sign in with; each has its own id column in users. */
enum OAuthProvider {
    GOOGLE, GITHUB, DISCORD;

    String registrationId() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<OAuthProvider> byRegistrationId(String registrationId) {
        return Arrays.stream(values()).filter(p -> p.registrationId().equals(registrationId)).findFirst();
    }
}

package id.modo.verse.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in with Google, GitHub and Discord, under {@code modo.identity.oauth.*}. A provider is
 * offered only when both its client id and its client secret are set; with none set, no OAuth
 * filter or bean is active.
 */
@ConfigurationProperties("modo.identity.oauth")
record OAuthProperties(Client google, Client github, Client discord) {

    /**
     * One provider's client. {@code issuerUri} (Google only) replaces Google's endpoints with those
     * an OpenID Connect issuer publishes, e.g. a local test server.
     */
    record Client(String clientId, String clientSecret, String issuerUri) {

        boolean configured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }
    }

    OAuthProperties {
        google = google == null ? new Client(null, null, null) : google;
        github = github == null ? new Client(null, null, null) : github;
        discord = discord == null ? new Client(null, null, null) : discord;
    }

    /** The configured providers' registration ids, in the order the sign-in page shows them. */
    List<String> configuredProviders() {
        List<String> providers = new ArrayList<>();
        for (OAuthProvider provider : OAuthProvider.values()) {
            if (client(provider).configured()) {
                providers.add(provider.registrationId());
            }
        }
        return List.copyOf(providers);
    }

    Client client(OAuthProvider provider) {
        return switch (provider) {
            case GOOGLE -> google;
            case GITHUB -> github;
            case DISCORD -> discord;
        };
    }
}

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
     * an OpenID Connect issuer publishes, e.g. a local test server. {@code authorizationUri},
     * {@code tokenUri}, {@code userInfoUri} and {@code userEmailsUri} (GitHub only) replace GitHub's
     * and Discord's endpoints one by one (GitHub Enterprise, a local server speaking their API);
     * blank means the provider's own.
     */
    record Client(String clientId, String clientSecret, String issuerUri, String authorizationUri, String tokenUri,
            String userInfoUri, String userEmailsUri) {

        static final Client NONE = new Client(null, null, null, null, null, null, null);

        boolean configured() {
            return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
        }

        String authorizationUri(String providers) {
            return orDefault(authorizationUri, providers);
        }

        String tokenUri(String providers) {
            return orDefault(tokenUri, providers);
        }

        String userInfoUri(String providers) {
            return orDefault(userInfoUri, providers);
        }

        String userEmailsUri(String providers) {
            return orDefault(userEmailsUri, providers);
        }

        private static String orDefault(String configured, String providers) {
            return configured == null || configured.isBlank() ? providers : configured.strip();
        }
    }

    OAuthProperties {
        google = google == null ? Client.NONE : google;
        github = github == null ? Client.NONE : github;
        discord = discord == null ? Client.NONE : discord;
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

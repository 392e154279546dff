package id.modo.verse.identity;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.web.ClientInfo;
import id.modo.verse.common.web.SecurityChainCustomizer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.client.RestClient;

/**
 * OAuth2 sign-in with Google, GitHub and Discord through Spring Security's OAuth2 client. Active
 * only when at least one provider has both a client id and a client secret
 * ({@code modo.identity.oauth.*}); then only those providers are registered.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OAuthConfiguration.AnyProviderConfigured.class)
class OAuthConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OAuthConfiguration.class);
    static final String REDIRECT_URI = "{baseUrl}/login/oauth2/code/{registrationId}";
    static final String GITHUB_AUTHORIZATION_URI = "https://github.com/login/oauth/authorize";
    static final String GITHUB_TOKEN_URI = "https://github.com/login/oauth/access_token";
    static final String GITHUB_USER_URI = "https://api.github.com/user";
    static final String GITHUB_USER_EMAILS_URI = "https://api.github.com/user/emails";
    static final String DISCORD_AUTHORIZATION_URI = "https://discord.com/oauth2/authorize";
    static final String DISCORD_TOKEN_URI = "https://discord.com/api/oauth2/token";
    static final String DISCORD_USER_URI = "https://discord.com/api/users/@me";

    static class AnyProviderConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("modo.identity.oauth", OAuthProperties.class)
                    .map(properties -> !properties.configuredProviders().isEmpty())
                    .orElse(false);
        }
    }

    @Bean
    ClientRegistrationRepository oauthClientRegistrations(OAuthProperties properties) {
        List<ClientRegistration> registrations = new ArrayList<>();
        if (properties.google().configured()) {
            registrations.add(google(properties.google()));
        }
        if (properties.github().configured()) {
            OAuthProperties.Client github = properties.github();
            registrations.add(CommonOAuth2Provider.GITHUB.getBuilder("github")
                    .clientId(github.clientId())
                    .clientSecret(github.clientSecret())
                    // user:email lets us read which of the person's emails GitHub has verified.
                    .scope("read:user", "user:email")
                    .authorizationUri(github.authorizationUri(GITHUB_AUTHORIZATION_URI))
                    .tokenUri(github.tokenUri(GITHUB_TOKEN_URI))
                    .userInfoUri(github.userInfoUri(GITHUB_USER_URI))
                    .build());
        }
        if (properties.discord().configured()) {
            OAuthProperties.Client discord = properties.discord();
            registrations.add(ClientRegistration.withRegistrationId("discord")
                    .clientId(discord.clientId())
                    .clientSecret(discord.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(REDIRECT_URI)
                    .scope("identify", "email")
                    .authorizationUri(discord.authorizationUri(DISCORD_AUTHORIZATION_URI))
                    .tokenUri(discord.tokenUri(DISCORD_TOKEN_URI))
                    .userInfoUri(discord.userInfoUri(DISCORD_USER_URI))
                    .userNameAttributeName("id")
                    .clientName("Discord")
                    .build());
        }
        log.info("OAuth2 sign-in with {}", properties.configuredProviders());
        return new InMemoryClientRegistrationRepository(registrations);
    }

    private static ClientRegistration google(OAuthProperties.Client google) {
        ClientRegistration.Builder builder = google.issuerUri() == null || google.issuerUri().isBlank()
                ? CommonOAuth2Provider.GOOGLE.getBuilder("google")
                : ClientRegistrations.fromIssuerLocation(google.issuerUri())
                        .registrationId("google")
                        .redirectUri(REDIRECT_URI)
                        .scope("openid", "profile", "email")
                        .userNameAttributeName("sub")
                        .clientName("Google");
        return builder.clientId(google.clientId()).clientSecret(google.clientSecret()).build();
    }

    @Bean
    OAuthAuthorizationRequests oauthAuthorizationRequests(JdbcClient jdbc, ModoProperties modo, Clock clock) {
        return new OAuthAuthorizationRequests(jdbc, modo, clock);
    }

    @Bean
    SecurityChainCustomizer oauthSignIn(ClientRegistrationRepository registrations, OAuthAuthorizationRequests requests,
            OAuthSignIn signIn, IdentityProperties identity, ModoProperties modo, OAuthProperties properties) {
        OAuth2UserService<OAuth2UserRequest, OAuth2User> users = new GitHubEmailsUserService(new DefaultOAuth2UserService(),
                properties.github().userEmailsUri(GITHUB_USER_EMAILS_URI));
        return http -> http.oauth2Login(login -> login
                .loginPage("/signin")
                .clientRegistrationRepository(registrations)
                // The access token is not kept: it is needed only while the sign-in happens.
                .authorizedClientRepository(new NoAuthorizedClients())
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestRepository(requests))
                .userInfoEndpoint(endpoint -> endpoint.userService(users))
                .successHandler((request, response, authentication) -> signedIn(request, response, authentication, signIn, identity, modo))
                .failureHandler((request, response, e) -> {
                    log.info("OAuth2 sign-in failed: {}", e.getMessage());
                    response.sendRedirect("/signin?oauth_error=failed");
                }));
    }

    private static void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
            OAuthSignIn signIn, IdentityProperties identity, ModoProperties modo) throws java.io.IOException {
        if (!(authentication instanceof OAuth2AuthenticationToken token)) {
            response.sendRedirect("/signin?oauth_error=failed");
            return;
        }
        Optional<OAuthSignIn.Identity> person = OAuthProvider.byRegistrationId(token.getAuthorizedClientRegistrationId())
                .map(provider -> identityOf(provider, token.getPrincipal().getAttributes()));
        if (person.isEmpty() || person.get().providerUserId() == null) {
            response.sendRedirect("/signin?oauth_error=failed");
            return;
        }
        OAuthSignIn.Result result;
        try {
            result = signIn.signIn(person.get(), ClientInfo.of(request));
        } catch (RuntimeException e) {
            log.warn("OAuth2 sign-in with {} could not be completed", person.get().provider().registrationId(), e);
            response.sendRedirect("/signin?oauth_error=failed");
            return;
        }
        switch (result) {
            case OAuthSignIn.SignedIn ok -> {
                AccountPagesController.writeSessionCookie(request, response, ok.session().token(),
                        identity.sessionAbsoluteTimeout(), modo);
                String next = AccountPagesController.safeNext((String) request.getAttribute(OAuthAuthorizationRequests.NEXT));
                response.sendRedirect(next);
            }
            case OAuthSignIn.Refused refused -> response.sendRedirect("/signin?oauth_error=" + refused.reason());
        }
    }

    /** What each provider calls the person's id, email, its verification and name. */
    static OAuthSignIn.Identity identityOf(OAuthProvider provider, Map<String, Object> attributes) {
        return switch (provider) {
            case GOOGLE -> new OAuthSignIn.Identity(provider, text(attributes.get("sub")), text(attributes.get("email")),
                    isTrue(attributes.get("email_verified")), text(attributes.get("name")));
            case GITHUB -> new OAuthSignIn.Identity(provider, text(attributes.get("id")), text(attributes.get("email")),
                    isTrue(attributes.get(GitHubEmailsUserService.EMAIL_VERIFIED)),
                    Optional.ofNullable(text(attributes.get("name"))).orElse(text(attributes.get("login"))));
            case DISCORD -> new OAuthSignIn.Identity(provider, text(attributes.get("id")), text(attributes.get("email")),
                    isTrue(attributes.get("verified")),
                    Optional.ofNullable(text(attributes.get("global_name"))).orElse(text(attributes.get("username"))));
        };
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /**
     * GitHub's {@code /user} shows only a public email and never whether it is verified; this asks
     * {@code /user/emails} for the primary, verified one. If that fails the email counts as unverified.
     */
    static class GitHubEmailsUserService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

        static final String EMAIL_VERIFIED = "modo_email_verified";
        private final OAuth2UserService<OAuth2UserRequest, OAuth2User> delegate;
        private final String userEmailsUri;
        private final RestClient rest = RestClient.create();

        GitHubEmailsUserService(OAuth2UserService<OAuth2UserRequest, OAuth2User> delegate, String userEmailsUri) {
            this.delegate = delegate;
            this.userEmailsUri = userEmailsUri;
        }

        @Override
        public OAuth2User loadUser(OAuth2UserRequest request) {
            OAuth2User user = delegate.loadUser(request);
            if (!"github".equals(request.getClientRegistration().getRegistrationId())) {
                return user;
            }
            Map<String, Object> attributes = new LinkedHashMap<>(user.getAttributes());
            attributes.put(EMAIL_VERIFIED, false);
            try {
                List<Map<String, Object>> emails = rest.get().uri(userEmailsUri)
                        .header("Authorization", "Bearer " + request.getAccessToken().getTokenValue())
                        .header("Accept", "application/vnd.github+json")
                        .retrieve()
                        .body(new ParameterizedTypeReference<>() {
                        });
                if (emails != null) {
                    emails.stream()
                            .filter(email -> Boolean.TRUE.equals(email.get("primary")) && Boolean.TRUE.equals(email.get("verified")))
                            .findFirst()
                            .ifPresent(email -> {
                                attributes.put("email", email.get("email"));
                                attributes.put(EMAIL_VERIFIED, true);
                            });
                }
            } catch (RuntimeException e) {
                log.info("GitHub did not list the emails of user {}: {}", user.getName(), e.getMessage());
            }
            return new DefaultOAuth2User(user.getAuthorities(), attributes, "id");
        }
    }

    /** Keeps no authorized clients: no session holds them, and nothing calls the providers afterwards. */
    static class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId, Authentication principal,
                HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String clientRegistrationId, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {
        }
    }
}

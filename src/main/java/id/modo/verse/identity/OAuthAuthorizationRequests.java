package id.modo.verse.identity;

import id.modo.verse.common.ModoProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps an OAuth2 authorization request between the redirect to the provider and its callback,
 * without an HTTP session: the request's fields are stored as plain JSON in
 * {@code oauth_authorization_requests} under its random {@code state}, and the browser gets that
 * state in an HttpOnly, SameSite=Lax cookie that lives ten minutes. A callback is accepted only when
 * its {@code state} matches the cookie and an unexpired row, and the row is used once.
 */
class OAuthAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "MODO_OAUTH_STATE";
    /** The request attribute that carries the stored {@code next} from the callback's removal to the success handler. */
    static final String NEXT = OAuthAuthorizationRequests.class.getName() + ".next";
    static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final String COOKIE_PATH = "/login/oauth2/code/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The fields of an {@link OAuth2AuthorizationRequest}, all text, as stored, and the page of this site the
     * sign-in started from ({@code next}), where the person is sent once signed in.
     */
    record Stored(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
            Map<String, String> additionalParameters, Map<String, String> attributes, String authorizationRequestUri, String next) {

        static Stored of(OAuth2AuthorizationRequest request, String next) {
            return new Stored(request.getAuthorizationUri(), request.getClientId(), request.getRedirectUri(),
                    new LinkedHashSet<>(request.getScopes()), request.getState(), text(request.getAdditionalParameters()),
                    text(request.getAttributes()), request.getAuthorizationRequestUri(), next);
        }

        OAuth2AuthorizationRequest toRequest() {
            return OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri(authorizationUri)
                    .clientId(clientId)
                    .redirectUri(redirectUri)
                    .scopes(scopes)
                    .state(state)
                    .additionalParameters(Map.copyOf(additionalParameters))
                    .attributes(Map.copyOf(attributes))
                    .authorizationRequestUri(authorizationRequestUri)
                    .build();
        }

        private static Map<String, String> text(Map<String, Object> values) {
            Map<String, String> text = new LinkedHashMap<>();
            values.forEach((key, value) -> {
                if (value != null) {
                    text.put(key, value.toString());
                }
            });
            return text;
        }
    }

    private final JdbcClient jdbc;
    private final ModoProperties modo;
    private final Clock clock;

    OAuthAuthorizationRequests(JdbcClient jdbc, ModoProperties modo, Clock clock) {
        this.jdbc = jdbc;
        this.modo = modo;
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        Stored stored = loadStored(request);
        return stored == null ? null : stored.toRequest();
    }

    private Stored loadStored(HttpServletRequest request) {
        String state = matchingState(request);
        if (state == null) {
            return null;
        }
        return jdbc.sql("select request from oauth_authorization_requests where state = ? and expires_at > ?")
                .params(state, Timestamp.from(clock.instant()))
                .query(String.class)
                .optional()
                .map(json -> JSON.readValue(json, Stored.class))
                .orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            String state = cookieState(request);
            if (state != null) {
                jdbc.sql("delete from oauth_authorization_requests where state = ?").param(state).update();
            }
            writeCookie(request, response, "", Duration.ZERO);
            return;
        }
        Instant now = clock.instant();
        // Abandoned sign-ins leave rows behind; each new one clears the expired ones.
        jdbc.sql("delete from oauth_authorization_requests where expires_at <= ?").param(Timestamp.from(now)).update();
        jdbc.sql("insert into oauth_authorization_requests (state, request, expires_at) values (?, cast(? as jsonb), ?)")
                .params(authorizationRequest.getState(), JSON.writeValueAsString(Stored.of(authorizationRequest,
                        AccountPagesController.safeNext(request.getParameter("next")))),
                        Timestamp.from(now.plus(VALIDITY)))
                .update();
        writeCookie(request, response, authorizationRequest.getState(), VALIDITY);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        Stored stored = loadStored(request);
        OAuth2AuthorizationRequest loaded = stored == null ? null : stored.toRequest();
        if (stored != null && stored.next() != null) {
            request.setAttribute(NEXT, stored.next());
        }
        String state = matchingState(request);
        if (state != null) {
            jdbc.sql("delete from oauth_authorization_requests where state = ?").param(state).update();
        }
        writeCookie(request, response, "", Duration.ZERO);
        return loaded;
    }

    /** The state of the callback, if the cookie carries the same one (the callback belongs to this browser). */
    private static String matchingState(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        String cookie = cookieState(request);
        return state != null && !state.isEmpty() && state.equals(cookie) ? state : null;
    }

    private static String cookieState(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private void writeCookie(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(request.isSecure() || modo.env() == ModoProperties.Environment.PRODUCTION)
                .sameSite("Lax")
                .path(COOKIE_PATH)
                .maxAge(maxAge)
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}

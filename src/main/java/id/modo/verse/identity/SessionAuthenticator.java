package id.modo.verse.identity;

import id.modo.verse.common.web.RequestAuthenticator;
import id.modo.verse.common.web.Requests;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The API (and the actuator, whose metrics are for platform admins) accepts only
 * {@code Authorization: Bearer <token>}; pages only the session cookie. Both carry the same kind
 * of token and resolve to the same {@code sessions} rows.
 */
@Component
class SessionAuthenticator implements RequestAuthenticator {

    static final String COOKIE = "MODO_SESSION";
    private static final String BEARER = "Bearer ";

    private final Sessions sessions;

    SessionAuthenticator(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Optional<Authentication> authenticate(HttpServletRequest request) {
        if (Requests.BEARER_ONLY.matches(request)) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null) {
                return Optional.empty();
            }
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.length() <= BEARER.length()) {
                throw new BadCredentialsException("Malformed Authorization header");
            }
            return Optional.of(sessions.resolve(header.substring(BEARER.length()).strip())
                    .map(SessionAuthenticator::authentication)
                    .orElseThrow(() -> new BadCredentialsException("Unknown, expired or revoked token")));
        }
        // A stale cookie on a page is simply an anonymous visit.
        return cookie(request).flatMap(sessions::resolve).map(SessionAuthenticator::authentication);
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Authentication authentication(Sessions.Active session) {
        CurrentUser user = new CurrentUser(UserId.of(session.userId()), session.id(), session.email(), session.name(),
                session.platformRole(), session.timeZone());
        List<SimpleGrantedAuthority> authorities = user.isPlatformAdmin()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}

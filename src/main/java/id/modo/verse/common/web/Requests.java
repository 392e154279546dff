package id.modo.verse.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/** What kind of client sent a request: a browser wanting a page, or an API client wanting JSON. */
public final class Requests {

    private static final List<String> API_PREFIXES = List.of("/api/", "/v3/api-docs", "/actuator");

    /**
     * The requests that take only a bearer token, never the session cookie, and so need no CSRF
     * token. Matched by Spring Security's own path matching (decoded, matrix parameters set aside),
     * so the rule that keeps the cookie away and the CSRF exemption always see the same path:
     * {@code /%61pi/v1/me} is an API request for both.
     */
    public static final RequestMatcher BEARER_ONLY = new OrRequestMatcher(pathPattern("/api/**"), pathPattern("/actuator/**"));

    private Requests() {
    }

    public static boolean isApi(String path) {
        return path.equals("/api") || API_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** A page request: not an API path, and the client prefers HTML over JSON. */
    public static boolean wantsHtml(HttpServletRequest request, String path) {
        if (isApi(path)) {
            return false;
        }
        // Browsers name text/html explicitly; API clients send JSON types or */*.
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /**
     * The path of the original request, also while forwarded to the error page: decoded, without
     * matrix parameters, the way the routes and the security rules read it.
     */
    public static String originalPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
        String uri = forwarded instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        try {
            StringBuilder path = new StringBuilder();
            for (PathContainer.Element element : RequestPath.parse(uri, context).pathWithinApplication().elements()) {
                path.append(element instanceof PathContainer.PathSegment segment ? segment.valueToMatch() : element.value());
            }
            return path.isEmpty() ? "/" : path.toString();
        } catch (IllegalArgumentException malformed) {
            return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        }
    }
}

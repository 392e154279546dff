package id.modo.verse.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** What kind of client sent a request: a browser wanting a page, or an API client wanting JSON. */
public final class Requests {

    private static final List<String> API_PREFIXES = List.of("/api/", "/v3/api-docs", "/actuator");

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

    /** The path of the original request, also while forwarded to the error page. */
    public static String originalPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute("jakarta.servlet.error.request_uri");
        String uri = forwarded instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}

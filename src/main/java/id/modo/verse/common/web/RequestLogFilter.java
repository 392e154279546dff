package id.modo.verse.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request with method, path, status and duration as structured fields.
 * Never the query string, headers or body: they may carry tokens and personal data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("id.modo.verse.request");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            String path = request.getRequestURI();
            if (!isStaticAsset(path)) {
                log.atInfo()
                        .addKeyValue("http.method", request.getMethod())
                        .addKeyValue("url.path", path)
                        .addKeyValue("http.status", response.getStatus())
                        .addKeyValue("duration_ms", durationMs)
                        .log("{} {} {} {}ms", request.getMethod(), path, response.getStatus(), durationMs);
            }
        }
    }

    private static boolean isStaticAsset(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }
}

package id.modo.verse.common.web;

import id.modo.verse.common.ModoProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.AntPathMatcher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code modo.web.max-body-size} with 413, whether the client
 * announces the length or streams it chunked. Multipart bodies are parsed by the servlet container
 * (not read through this filter's wrapper), so they are judged by their announced length: over the
 * limit is 413, no length at all is 411. Only the paths modules declare as {@link LargeUploadPaths}
 * take larger multipart bodies, up to Spring's multipart limits, and larger {@code application/offset+octet-stream}
 * bodies (tus chunks, which the module holds to the length the upload declared).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final String OFFSET_STREAM = "application/offset+octet-stream";

    private final long limit;
    private final List<String> uploadPatterns;
    private final AntPathMatcher matcher = new AntPathMatcher();

    RequestSizeLimitFilter(ModoProperties properties, ObjectProvider<LargeUploadPaths> uploadPaths) {
        this.limit = properties.web().maxBodySize().toBytes();
        this.uploadPatterns = uploadPaths.orderedStream().flatMap(paths -> paths.patterns().stream()).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            String path = Requests.originalPath(request);
            if (uploadPatterns.stream().anyMatch(pattern -> matcher.match(pattern, path))) {
                chain.doFilter(request, response);
            } else if (request.getContentLengthLong() < 0) {
                response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
            } else if (request.getContentLengthLong() > limit) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        // A resumable upload's chunk (tus): the module holds it to the length the upload declared.
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(OFFSET_STREAM)
                && uploadPatterns.stream().anyMatch(pattern -> matcher.match(pattern, Requests.originalPath(request)))) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** Raised while reading a body that grew past the limit. */
    static final class BodyTooLargeException extends IOException {
        static final String DETAIL = "The request body is larger than the allowed maximum.";

        BodyTooLargeException() {
            super(DETAIL);
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends WatchedInputStream {
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        void seen(byte[] buffer, int offset, int length) throws BodyTooLargeException {
            read += length;
            if (read > limit) {
                throw new BodyTooLargeException();
            }
        }
    }
}

package id.modo.verse.common.web;

import id.modo.verse.common.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Text a client sends must be valid UTF-8 and hold no NUL character (U+0000): PostgreSQL cannot
 * store NUL in text or jsonb, and Tomcat's parameter parsing throws on undecodable bytes. Both
 * would surface as 500s, or as a misleading "already taken" where the failed insert looks like a
 * unique violation. So they are refused at the door with 400 {@code invalid-text}:
 * <ul>
 * <li>the query string, whoever reads it (also the actuator, pages that never look at it);</li>
 * <li>a form body, read here (forms are small: Tomcat caps them at 2 MB);</li>
 * <li>a JSON body, scanned as it streams for the escape backslash-u0000 (a raw NUL byte is
 * already invalid JSON);</li>
 * <li>multipart text fields, checked when read, so uploads are still parsed only after
 * authentication.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class RequestTextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = queryProblem(request.getQueryString());
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (problem == null && contentType.startsWith("application/x-www-form-urlencoded")) {
            problem = parameterProblem(request);
        }
        if (problem != null) {
            refuse(request, response, problem);
            return;
        }
        HttpServletRequest checked = request;
        if (contentType.startsWith("multipart/")) {
            checked = new CheckedParameters(request);
        } else if (contentType.startsWith("application/json") || contentType.matches("application/[^;]*\\+json.*")) {
            checked = new NulScanningBody(request);
        }
        try {
            chain.doFilter(checked, response);
        } catch (InvalidTextException e) {
            // Read by a filter (a form's CSRF token), before any controller advice could answer.
            if (response.isCommitted()) {
                throw e;
            }
            refuse(request, response, e.getMessage());
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        request.setAttribute(ErrorPageController.DETAIL, detail);
        request.setAttribute(ErrorPageController.TYPE, ProblemType.INVALID_TEXT);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }

    /** Why the raw query string cannot be taken, or null when it can. */
    static String queryProblem(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String decodedName = decode(name);
            if (decodedName == null || (equals >= 0 && decode(pair.substring(equals + 1)) == null)) {
                String shown = decodedName == null ? "" : " '" + decodedName + "'";
                return "The query parameter" + shown + " is not valid UTF-8 text without NUL characters.";
            }
        }
        return null;
    }

    /** Percent-decodes (with '+' as a space) strictly as UTF-8; null for malformed or NUL-holding text. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String parameterProblem(HttpServletRequest request) {
        try {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (hasNul(parameter.getKey()) || java.util.Arrays.stream(parameter.getValue()).anyMatch(RequestTextFilter::hasNul)) {
                    return "The field '" + parameter.getKey().replace('\0', ' ') + "' holds a NUL character.";
                }
            }
            return null;
        } catch (IllegalStateException e) {
            // Tomcat's InvalidParameterException: bytes that are not UTF-8.
            return "The form holds text that is not valid UTF-8.";
        }
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** Raised where a field holds text that cannot be taken; answered 400 {@code invalid-text}. */
    static final class InvalidTextException extends RuntimeException {
        InvalidTextException(String detail) {
            super(detail);
        }
    }

    /** Raised while a JSON body streams in with an escaped NUL. */
    static final class NulInJsonException extends IOException {
        static final String DETAIL = "Text in the request body must not hold the NUL character (\\u0000).";

        NulInJsonException() {
            super(DETAIL);
        }
    }

    private static final class CheckedParameters extends HttpServletRequestWrapper {

        CheckedParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return check(name, read(() -> super.getParameter(name)));
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = read(() -> super.getParameterValues(name));
            if (values != null) {
                for (String value : values) {
                    check(name, value);
                }
            }
            return values;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = read(super::getParameterMap);
            parameters.forEach((name, values) -> {
                check(name, name);
                for (String value : values) {
                    check(name, value);
                }
            });
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(getParameterMap().keySet());
        }

        private static <T> T read(java.util.function.Supplier<T> parameters) {
            try {
                return parameters.get();
            } catch (IllegalStateException e) {
                throw new InvalidTextException("The form holds text that is not valid UTF-8, or its parts could not be read.");
            }
        }

        private static String check(String name, String value) {
            if (hasNul(value)) {
                throw new InvalidTextException("The field '" + name.replace('\0', ' ') + "' holds a NUL character.");
            }
            return value;
        }
    }

    private static final class NulScanningBody extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        NulScanningBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new NulScanningStream(super.getInputStream());
            }
            return stream;
        }
    }

    /**
     * Watches JSON text for the escape backslash-u0000. A backslash always starts a two-character
     * escape, so an escaped backslash followed by u0000 (the ordinary text backslash-u0000) is told apart by
     * counting: no parsing, no buffering. UTF-8 never uses these ASCII bytes inside a multi-byte
     * character, so bytes can be read as they come.
     */
    private static final class NulScanningStream extends WatchedInputStream {
        /** 0: text; 1: after a backslash; 2-5: after "\\u", counting the hex digits seen, all '0' so far. */
        private int state;

        NulScanningStream(ServletInputStream delegate) {
            super(delegate);
        }

        @Override
        void seen(byte[] buffer, int offset, int length) throws NulInJsonException {
            for (int i = offset; i < offset + length; i++) {
                int b = buffer[i];
                switch (state) {
                    case 0 -> state = b == '\\' ? 1 : 0;
                    case 1 -> state = b == 'u' ? 2 : 0;
                    default -> {
                        if (b != '0') {
                            state = b == '\\' ? 1 : 0;
                        } else if (++state == 6) {
                            throw new NulInJsonException();
                        }
                    }
                }
            }
        }
    }
}

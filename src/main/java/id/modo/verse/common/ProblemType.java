package id.modo.verse.common;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A kind of error the API reports, identified by a stable {@code type} URI that clients may
 * switch on. Modules declare their own with {@link #of}.
 */
public record ProblemType(HttpStatus status, String slug, String title) {

    public static final String BASE_URI = "https://modo.id/problems/";

    public static final ProblemType BAD_REQUEST = of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request");
    public static final ProblemType VALIDATION = of(HttpStatus.BAD_REQUEST, "validation-failed", "Your request has invalid fields");
    public static final ProblemType INVALID_TEXT = of(HttpStatus.BAD_REQUEST, "invalid-text", "The request holds text that is not valid");
    public static final ProblemType MALFORMED_BODY = of(HttpStatus.BAD_REQUEST, "malformed-body", "The request body could not be read");
    public static final ProblemType UNAUTHORIZED = of(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required");
    public static final ProblemType FORBIDDEN = of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed");
    public static final ProblemType NOT_FOUND = of(HttpStatus.NOT_FOUND, "not-found", "Not found");
    public static final ProblemType METHOD_NOT_ALLOWED = of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE = of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable");
    public static final ProblemType CONFLICT = of(HttpStatus.CONFLICT, "conflict", "Conflict");
    public static final ProblemType CONCURRENT_CHANGE = of(HttpStatus.CONFLICT, "concurrent-change",
            "Changed by another request at the same time");
    public static final ProblemType PAYLOAD_TOO_LARGE = of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type");
    public static final ProblemType TOO_MANY_REQUESTS = of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests");
    public static final ProblemType INTERNAL = of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong on our side");
    public static final ProblemType UNAVAILABLE = of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable");

    public static ProblemType of(HttpStatus status, String slug, String title) {
        return new ProblemType(status, slug, title);
    }

    public URI uri() {
        return URI.create(BASE_URI + slug);
    }

    /** The generic type for a status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> UNAVAILABLE;
            default -> {
                HttpStatus resolved = HttpStatus.resolve(status);
                if (resolved == null || resolved.is5xxServerError()) {
                    yield INTERNAL;
                }
                yield of(resolved, "http-" + status, resolved.getReasonPhrase());
            }
        };
    }
}

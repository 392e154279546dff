package id.modo.verse.common.web;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.TooManyRequestsException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers every exception that reaches Spring MVC with an RFC 9457 problem written by us:
 * framework messages, class names and stack traces never reach the client. Page requests get
 * the status only and are forwarded to the error page.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** Jackson's message when a key appears twice in one object (StreamReadFeature.STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate Object property \"(.*)\"");

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, NativeWebRequest request) {
        ProblemDetail problem = Problems.of(ex.type(), ex.getMessage());
        ex.properties().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        if (ex instanceof TooManyRequestsException limited) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, limited.retryAfter().toSeconds())));
        }
        return respond(problem, headers, request);
    }

    /**
     * Another request changed the same row first and this one's version check failed (JPA {@code @Version}): the
     * caller's mistake is none, but retrying on what is there now is theirs to decide, so 409, not 500. Logged as a
     * WARN without a stack trace; the entity and id stay in the log, never in the answer.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentChange(OptimisticLockingFailureException ex, NativeWebRequest request) {
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        log.warn("Concurrent change answered 409 on {}: {}", servletRequest == null ? "?" : Requests.originalPath(servletRequest),
                ex.getMessage());
        return respond(Problems.of(ProblemType.CONCURRENT_CHANGE,
                "Someone else changed this at the same time. Read it again and retry if it still applies."), new HttpHeaders(), request);
    }

    /** Spring Security decides these: hand them back to its filters. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void rethrowSecurity(RuntimeException ex) {
        throw ex;
    }

    @ExceptionHandler(RequestTextFilter.InvalidTextException.class)
    ResponseEntity<Object> handleInvalidText(RequestTextFilter.InvalidTextException ex, NativeWebRequest request) {
        return respond(Problems.of(ProblemType.INVALID_TEXT, ex.getMessage()), new HttpHeaders(), request);
    }

    /**
     * A multipart body that cannot be parsed (a missing closing boundary, a cut-off upload) is the client's
     * mistake. (Too large a one is {@link MaxUploadSizeExceededException}, answered 413 by the base class.)
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMultipart(MultipartException ex, NativeWebRequest request) {
        RequestTextFilter.InvalidTextException text = findCause(ex, RequestTextFilter.InvalidTextException.class);
        return respond(text != null ? Problems.of(ProblemType.INVALID_TEXT, text.getMessage())
                : Problems.of(ProblemType.MALFORMED_BODY, "The multipart body could not be read: check its boundaries and parts."),
                new HttpHeaders(), request);
    }

    /** Method validation on a controller annotated {@code @Validated} (a {@code @Max} on {@code limit}) is the caller's mistake. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, NativeWebRequest request) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath()), message(violation.getMessage())))
                .toList();
        return respond(Problems.validation("Some parameters are not valid.", errors), new HttpHeaders(), request);
    }

    private static String lastNode(Path path) {
        String name = "parameter";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return Problems.jsonName(name);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, NativeWebRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("Unhandled error, reference {}", reference, ex);
        ProblemDetail problem = Problems.of(ProblemType.INTERNAL,
                "An unexpected error occurred. Quote reference " + reference + " if you contact support.");
        problem.setProperty("reference", reference);
        return respond(problem, new HttpHeaders(), request);
    }

    /**
     * A path id that is not one (see {@link PathIdConverter}): the API says which parameter is wrong; for a page it is
     * an address with nothing at it, as an id that exists nowhere would be.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        if (ex instanceof MethodArgumentTypeMismatchException mismatch && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)
                && servletRequest != null && !Requests.isApi(Requests.originalPath(servletRequest))) {
            return respond(genericFor(HttpStatus.NOT_FOUND.value()), headers, request);
        }
        return super.handleTypeMismatch(ex, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        return respond(toProblem(ex, statusCode.value()), headers, request);
    }

    private ProblemDetail toProblem(Exception ex, int status) {
        return switch (ex) {
            case MethodArgumentNotValidException e -> Problems.validation("Some fields are not valid.",
                    e.getBindingResult().getAllErrors().stream().map(error -> new FieldError(
                            error instanceof org.springframework.validation.FieldError f ? Problems.jsonName(f.getField()) : error.getObjectName(),
                            message(error.getDefaultMessage()))).toList());
            case HandlerMethodValidationException e -> Problems.validation("Some parameters are not valid.",
                    e.getParameterValidationResults().stream().flatMap(result -> result.getResolvableErrors().stream()
                            .map(error -> new FieldError(parameterName(result.getMethodParameter()), message(error.getDefaultMessage()))))
                            .toList());
            case TypeMismatchException e -> Problems.validation("Some parameters are not valid.",
                    List.of(new FieldError(e.getPropertyName() == null ? "parameter" : Problems.jsonName(e.getPropertyName()),
                            "must be " + describe(e.getRequiredType()))));
            case MissingServletRequestParameterException e -> Problems.validation("A required parameter is missing.",
                    List.of(new FieldError(e.getParameterName(), "is required")));
            case HttpMessageNotReadableException e -> unreadable(e);
            case HttpRequestMethodNotSupportedException e -> Problems.of(ProblemType.METHOD_NOT_ALLOWED,
                    "This resource does not support " + e.getMethod() + "."
                            + (e.getSupportedMethods() == null ? "" : " Use " + String.join(", ", e.getSupportedMethods()) + "."));
            case HttpMediaTypeNotSupportedException e -> Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "This resource does not accept that content type."
                            + (e.getSupportedMediaTypes().isEmpty() ? "" : " Use " + e.getSupportedMediaTypes().stream()
                                    .map(MediaType::toString).collect(Collectors.joining(", ")) + "."));
            case MaxUploadSizeExceededException e -> Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "The upload is too large.");
            default -> genericFor(status);
        };
    }

    private ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        if (findCause(ex, RequestTextFilter.NulInJsonException.class) != null) {
            return Problems.of(ProblemType.INVALID_TEXT, RequestTextFilter.NulInJsonException.DETAIL);
        }
        if (findCause(ex, RequestSizeLimitFilter.BodyTooLargeException.class) != null) {
            return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, RequestSizeLimitFilter.BodyTooLargeException.DETAIL);
        }
        InvalidFormatException format = findCause(ex, InvalidFormatException.class);
        if (format != null) {
            Class<?> target = format.getTargetType();
            String message = target != null && target.isEnum()
                    ? "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
                    : "must be " + describe(target);
            return Problems.validation("Some fields are not valid.", List.of(new FieldError(path(format), message)));
        }
        UnrecognizedPropertyException unknown = findCause(ex, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return Problems.validation("The request has fields this resource does not accept.",
                    List.of(new FieldError(path(unknown), "is not a known field")));
        }
        MismatchedInputException mismatched = findCause(ex, MismatchedInputException.class);
        if (mismatched != null && !mismatched.getPath().isEmpty()) {
            return Problems.validation("Some fields are not valid.",
                    List.of(new FieldError(path(mismatched), "must be " + describe(mismatched.getTargetType()))));
        }
        InputCoercionException outOfRange = findCause(ex, InputCoercionException.class);
        if (outOfRange != null) {
            // Valid JSON whose number does not fit its field (9223372036854775807 for a whole number of credits).
            return Problems.validation("Some fields are not valid.", List.of(new FieldError(path(outOfRange),
                    "must be " + describe(outOfRange.getTargetType()) + " in its allowed range")));
        }
        StreamReadException read = findCause(ex, StreamReadException.class);
        if (read != null) {
            Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(read.getOriginalMessage()));
            if (duplicate.matches()) {
                String field = readingAt(read, duplicate.group(1));
                return Problems.validation("Duplicate field '" + field + "': send each field once.",
                        List.of(new FieldError(field, "appears more than once")));
            }
            return Problems.of(ProblemType.MALFORMED_BODY, "The request body is not valid JSON.");
        }
        if (ex.getCause() == null || mismatched != null) {
            return Problems.of(ProblemType.MALFORMED_BODY, "A request body is required.");
        }
        return Problems.of(ProblemType.MALFORMED_BODY, "The request body could not be read.");
    }

    private static ProblemDetail genericFor(int status) {
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 406 -> "This resource cannot answer in any of the accepted media types; accept application/json.";
            default -> type.title() + ".";
        };
        return Problems.of(type, detail);
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        HttpServletResponse servletResponse = ((NativeWebRequest) request).getNativeResponse(HttpServletResponse.class);
        String path = Requests.originalPath(servletRequest);
        if (servletResponse != null && Requests.wantsHtml(servletRequest, path)) {
            // The error page says why, as the problem document would.
            servletRequest.setAttribute(ErrorPageController.DETAIL, problem.getDetail());
            try {
                servletResponse.sendError(problem.getStatus());
                return null;
            } catch (IOException | IllegalStateException e) {
                log.debug("Could not forward to the error page: {}", e.getMessage());
            }
        }
        problem.setInstance(URI.create(path));
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers.getAllow() != null && !headers.getAllow().isEmpty()) {
            responseHeaders.setAllow(headers.getAllow());
        }
        if (headers.getAccept() != null && !headers.getAccept().isEmpty()) {
            responseHeaders.setAccept(headers.getAccept());
        }
        if (headers.getFirst(HttpHeaders.RETRY_AFTER) != null) {
            responseHeaders.set(HttpHeaders.RETRY_AFTER, headers.getFirst(HttpHeaders.RETRY_AFTER));
        }
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(responseHeaders).body(problem);
    }

    private static String path(JacksonException ex) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    /**
     * Where the parser stood when it gave up, as a JSON path ({@code beats.a}, {@code items[0].name}): its
     * contexts know the place even inside content that is skipped or not yet bound. {@code name} where not.
     */
    private static String readingAt(StreamReadException ex, String name) {
        JsonParser parser = ex.processor();
        if (parser == null) {
            return name;
        }
        String path = "";
        for (TokenStreamContext context = parser.streamReadContext(); context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                path = "[" + Math.max(0, context.getCurrentIndex()) + "]" + path;
            } else if (context.currentName() != null) {
                path = "." + context.currentName() + path;
            }
        }
        return path.isEmpty() ? name : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        String name = parameter.getParameterName();
        return name == null ? "parameter" : Problems.jsonName(name);
    }

    private static String message(String message) {
        return message == null ? "is not valid" : message;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(box(type))) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == UUID.class || PathIdConverter.isId(type)) {
            return "a UUID";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        return "an object";
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return type == int.class || type == long.class || type == double.class || type == float.class
                || type == short.class || type == byte.class ? Number.class : type;
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = ex; t != null && !seen.contains(t); t = t.getCause()) {
            seen.add(t);
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

package id.modo.verse.common;

/** One invalid field of a request: its JSON path (snake_case, as the client sent it) and what is wrong. */
public record FieldError(String field, String message) {
}

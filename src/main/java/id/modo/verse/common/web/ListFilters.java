package id.modo.verse.common.web;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/** Reading the filters of filtered, keyset-paged lists (API parameters and page forms) and linking to the next page. */
public final class ListFilters {

    private ListFilters() {
    }

    /** An API time parameter: ISO-8601 with an offset, else a 400 naming the parameter. Blank is no filter. */
    public static Instant apiTime(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeException e) {
            throw new ProblemException(ProblemType.VALIDATION, "Some parameters are not valid.", Map.of("errors",
                    List.of(new FieldError(field, "must be an ISO-8601 date-time with an offset, e.g. 2026-05-01T00:00:00+07:00"))));
        }
    }

    /** A page path's id, or null when it is not a UUID (the page then answers 404, not 400). */
    public static UUID pathId(String value) {
        try {
            String text = value.strip();
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The link to the next page: {@code path} (with {@code {org}} for the organization) and the
     * non-empty filters in their order, then the cursor, all encoded.
     */
    public static String nextUrl(String path, UUID organization, Map<String, String> filters, String cursor) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        Map<String, Object> values = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                url.queryParam(name, "{" + name + "}");
                values.put(name, value);
            }
        });
        url.queryParam("cursor", "{cursor}");
        values.put("org", organization);
        values.put("cursor", cursor);
        return url.encode().buildAndExpand(values).toUriString();
    }
}

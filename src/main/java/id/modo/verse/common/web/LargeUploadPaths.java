package id.modo.verse.common.web;

import java.util.List;

/**
 * Paths whose multipart (or tus {@code application/offset+octet-stream}) bodies may be larger than
 * {@code modo.web.max-body-size}: a module that takes
 * file uploads declares them as a bean. Multipart bodies to every other path are held to the normal
 * limit by {@link RequestSizeLimitFilter}; the upload paths are held to Spring's multipart limits
 * ({@code spring.servlet.multipart.*}), which are per servlet and therefore raised for all.
 *
 * @param patterns Ant-style path patterns, e.g. {@code /api/v1/organizations/*}{@code /assets}
 */
public record LargeUploadPaths(List<String> patterns) {

    public LargeUploadPaths {
        patterns = List.copyOf(patterns);
    }
}

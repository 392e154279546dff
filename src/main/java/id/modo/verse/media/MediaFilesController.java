package id.modo.verse.media;

import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.web.ListFilters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bytes of assets. Public ones at a stable URL with long cache headers; private ones only with
 * a valid signature (403 without, 410 once expired). Both answer ranges (206, or 416 for a range
 * past the end), so video players can seek, and conditional requests by ETag (304).
 */
@Controller
class MediaFilesController {

    /** Types a browser shows by itself without running anything; everything else is a download. */
    private static final Set<String> INLINE_PREFIXES = Set.of("image/", "audio/", "video/", "application/pdf", "text/plain");

    private final Assets assets;
    private final MediaProperties properties;

    MediaFilesController(Assets assets, MediaProperties properties) {
        this.assets = assets;
        this.properties = properties;
    }

    @GetMapping("/media/{id}")
    void original(@PathVariable String id, @RequestParam(required = false) String expires,
            @RequestParam(required = false) String signature, HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(id, false, expires, signature, request, response);
    }

    @GetMapping("/media/{id}/thumbnail")
    void thumbnail(@PathVariable String id, @RequestParam(required = false) String expires,
            @RequestParam(required = false) String signature, HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(id, true, expires, signature, request, response);
    }

    private void serve(String rawId, boolean thumbnail, String expires, String signature, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        UUID uuid = ListFilters.pathId(rawId);
        Assets.Row row = uuid == null ? null : assets.load(AssetId.of(uuid)).orElse(null);
        if (row == null || (thumbnail && row.thumbnailPath() == null)) {
            throw Assets.notFound();
        }
        String cacheControl;
        if (row.visibility() == AssetVisibility.PUBLIC) {
            cacheControl = "public, max-age=" + properties.publicMaxAge().toSeconds();
        } else {
            switch (assets.checkSignature(AssetId.of(row.id()), expires, signature)) {
                case INVALID -> throw new ProblemException(ProblemType.FORBIDDEN, "This link is not valid for this file.");
                case EXPIRED -> throw new ProblemException(MediaProblems.LINK_EXPIRED, "This link has expired. Ask for a new one.");
                case VALID -> { }
            }
            long left = Math.max(0, Long.parseLong(expires) - Instant.now().getEpochSecond());
            // Never cached longer than the link works, and never by a shared cache.
            cacheControl = "private, max-age=" + Math.min(left, Duration.ofDays(1).toSeconds());
        }
        String key = thumbnail ? row.thumbnailPath() : row.storagePath();
        String etag = "\"" + row.sha256() + (thumbnail ? "-t" : "") + "\"";
        long size = thumbnail ? assets.storage().size(key) : row.sizeBytes();
        if (size < 0) {
            throw Assets.notFound();
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (etagMatches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(row.mimeType());
        boolean inline = INLINE_PREFIXES.stream().anyMatch(row.mimeType()::startsWith);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(row.originalName(), StandardCharsets.UTF_8).build().toString());

        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        ByteRange range = ifRange == null || ifRange.strip().equals(etag) ? ByteRange.parse(request.getHeader(HttpHeaders.RANGE), size) : null;
        if (range == ByteRange.UNSATISFIABLE) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            throw new ProblemException(MediaProblems.RANGE_NOT_SATISFIABLE, "The file has " + size + " bytes; the requested range is outside it.");
        }
        long offset = range == null ? 0 : range.start();
        long length = range == null ? size : range.length();
        if (range != null) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + range.start() + "-" + range.end() + "/" + size);
        }
        response.setContentLengthLong(length);
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (InputStream in = assets.storage().open(key, offset, length); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static boolean etagMatches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}

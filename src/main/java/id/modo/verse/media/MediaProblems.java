package id.modo.verse.media;

import id.modo.verse.common.ProblemType;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** The problem types of the media module's API and facades, in one place so clients' {@code type} URIs are easy to find. */
public final class MediaProblems {

    public static final ProblemType LINK_EXPIRED = ProblemType.of(HttpStatus.GONE, "link-expired", "This link has expired");
    public static final ProblemType TOO_MANY_PIXELS = ProblemType.of(HttpStatus.CONTENT_TOO_LARGE, "image-too-large",
            "Image has too many pixels");
    public static final ProblemType UNREADABLE_IMAGE = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-image",
            "Image could not be read");
    public static final ProblemType UNSUPPORTED_TYPE = ProblemType.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type",
            "This kind of file is not accepted");
    public static final ProblemType QUOTA_EXCEEDED = ProblemType.of(HttpStatus.CONTENT_TOO_LARGE, "storage-quota-exceeded",
            "Storage quota exceeded");
    public static final ProblemType FILE_TOO_LARGE = ProblemType.of(HttpStatus.CONTENT_TOO_LARGE, "file-too-large",
            "File too large");
    public static final ProblemType EMPTY_FILE = ProblemType.of(HttpStatus.BAD_REQUEST, "empty-file", "The file is empty");
    public static final ProblemType RANGE_NOT_SATISFIABLE = ProblemType.of(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable",
            "Range not satisfiable");

    /** Too large a file for its kind or for what is left of the storage quota. */
    public static final Set<ProblemType> TOO_LARGE = Set.of(FILE_TOO_LARGE, QUOTA_EXCEEDED, TOO_MANY_PIXELS);
    /** The refusals of an uploaded file that a page shows beside its upload field rather than as the error page. */
    public static final Set<ProblemType> FILE_REFUSED = Set.of(ProblemType.VALIDATION, EMPTY_FILE, UNSUPPORTED_TYPE, FILE_TOO_LARGE,
            QUOTA_EXCEEDED, TOO_MANY_PIXELS);

    private MediaProblems() {
    }
}

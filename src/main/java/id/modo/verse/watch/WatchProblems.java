package id.modo.verse.watch;

import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of the watch module's API and pages, in one place so clients' {@code type} URIs are easy to find. */
public final class WatchProblems {

    public static final ProblemType ILLEGAL_TRANSITION = ProblemType.of(HttpStatus.CONFLICT, "illegal-transition",
            "This status change is not allowed");
    public static final ProblemType SLUG_TAKEN = ProblemType.of(HttpStatus.CONFLICT, "slug-taken", "Address already taken");
    public static final ProblemType NUMBER_TAKEN = ProblemType.of(HttpStatus.CONFLICT, "number-taken",
            "A season or episode already has this number");
    public static final ProblemType NOT_READY = ProblemType.of(HttpStatus.CONFLICT, "video-not-ready",
            "There is no transcoded video to publish yet");
    public static final ProblemType WRONG_TYPE = ProblemType.of(HttpStatus.CONFLICT, "wrong-content-type",
            "This content type does not have that");
    public static final ProblemType TRANSCODING = ProblemType.of(HttpStatus.CONFLICT, "transcoding-in-progress",
            "A video is being transcoded; wait for it or cancel its job");
    public static final ProblemType PLAN_REQUIRED = ProblemType.of(HttpStatus.FORBIDDEN, "plan-required",
            "Your plan does not include this title");
    public static final ProblemType STREAM_LINK_INVALID = ProblemType.of(HttpStatus.FORBIDDEN, "stream-link-invalid",
            "This video link is not yours or was altered");
    public static final ProblemType STREAM_LINK_EXPIRED = ProblemType.of(HttpStatus.FORBIDDEN, "stream-link-expired",
            "This video link has expired");

    public static final ProblemType SUBTITLE_UNREADABLE = ProblemType.of(HttpStatus.BAD_REQUEST, "subtitle-unreadable",
            "This is not a subtitle file we can read (SRT or WebVTT)");

    public static final ProblemType UPLOAD_OFFSET = ProblemType.of(HttpStatus.CONFLICT, "upload-offset-mismatch",
            "The upload does not stand at that offset; ask for it with HEAD");
    public static final ProblemType TUS_VERSION = ProblemType.of(HttpStatus.PRECONDITION_FAILED, "tus-version-unsupported",
            "This server speaks tus 1.0.0");

    public static final ProblemType OWN_REVIEW = ProblemType.of(HttpStatus.CONFLICT, "own-review",
            "You cannot vote on your own review");

    public static final ProblemType NOT_PUBLISHED = ProblemType.of(HttpStatus.CONFLICT, "not-published",
            "Only a published title can be featured");

    private WatchProblems() {
    }
}

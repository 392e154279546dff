package id.modo.verse.studio.animatic;

import id.modo.verse.common.ProblemType;
import org.springframework.http.HttpStatus;

/** The problem types of animatics. */
final class AnimaticProblems {

    /** A beat, or a whole story, without a single moodboard picture to animate. */
    static final ProblemType NO_PICTURES = ProblemType.of(HttpStatus.CONFLICT, "animatic-no-pictures", "Nothing to animate yet");

    private AnimaticProblems() {
    }
}

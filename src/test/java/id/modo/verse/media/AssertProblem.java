package id.modo.verse.media;

import id.modo.verse.common.ProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class AssertProblem {

    private AssertProblem() {
    }

    /** Runs {@code call}, expects a problem with {@code status} and returns it. */
    static ProblemException status(ThrowingCallable call, int status) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                call.call();
            } catch (Throwable t) {
                caught[0] = t;
                throw t;
            }
        }).isInstanceOf(ProblemException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ProblemException) e).type().status().value())
                        .as(e.getMessage()).isEqualTo(status));
        return (ProblemException) caught[0];
    }
}

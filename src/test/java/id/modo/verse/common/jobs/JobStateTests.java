package id.modo.verse.common.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobStateTests {

    @Test
    void aWaitingOrRunningJobMayOnlyBeCancelled() {
        for (JobState state : new JobState[] {JobState.PENDING, JobState.RUNNING}) {
            assertThat(state.canBecome(JobState.CANCELLED)).as(state.name()).isTrue();
            assertThat(state.canBecome(JobState.PENDING)).as(state.name()).isFalse();
            assertThat(state.terminal()).as(state.name()).isFalse();
        }
    }

    @Test
    void aFailedOrCancelledJobMayOnlyBeRetriedAndACompletedOneNothing() {
        for (JobState state : new JobState[] {JobState.FAILED, JobState.CANCELLED}) {
            assertThat(state.userMoves()).as(state.name()).containsExactly(JobState.PENDING);
            assertThat(state.terminal()).as(state.name()).isTrue();
        }
        assertThat(JobState.COMPLETED.userMoves()).isEmpty();
        assertThat(JobState.COMPLETED.terminal()).isTrue();
    }

    @Test
    void statesReadAndWriteAsTheLowerCaseNamesTheTableChecks() {
        for (JobState state : JobState.values()) {
            assertThat(JobState.of(state.dbValue())).isEqualTo(state);
        }
        assertThat(JobState.RUNNING.dbValue()).isEqualTo("running");
    }

    @Test
    void anIllegalMoveSaysWhereFromWhereToAndWhatIsAllowed() {
        JobTransitionException e = new JobTransitionException(JobState.RUNNING, JobState.PENDING);

        assertThat(e.type()).isEqualTo(JobTransitionException.ILLEGAL_TRANSITION);
        assertThat(e.properties()).containsEntry("from", "running").containsEntry("to", "pending")
                .containsEntry("allowed", List.of("cancelled"));
    }

    @Test
    void percentFollowsTheCountsAndIsWholeOnceCompleted() {
        assertThat(job(JobState.RUNNING, 1, 3).percent()).isEqualTo(33);
        assertThat(job(JobState.RUNNING, 5, 0).percent()).as("total not known yet").isZero();
        assertThat(job(JobState.COMPLETED, 0, 0).percent()).isEqualTo(100);
    }

    private static Job job(JobState state, long done, long total) {
        Instant now = Instant.now();
        return new Job(UUID.randomUUID(), "test", null, UUID.randomUUID(), null, Map.of(), state, done, total, null, null, null,
                1, false, now, now, null, now);
    }
}

package id.modo.verse.common.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import id.modo.verse.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The scheduled clean-up runs through db-scheduler and deletes only old, completed publications. */
@IntegrationTest
class EventPublicationCleanupIntegrationTests {

    @Autowired
    Scheduler scheduler;
    @Autowired
    JdbcClient jdbc;

    @Test
    void deletesCompletedPublicationsOlderThanTheRetentionAndKeepsTheRest() {
        Instant now = Instant.now();
        UUID oldCompleted = insert(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(30)), "COMPLETED");
        UUID recentCompleted = insert(now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(1)), "COMPLETED");
        UUID oldIncomplete = insert(now.minus(Duration.ofDays(30)), null, "FAILED");

        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of(EventPublicationCleanup.TASK, RecurringTask.INSTANCE))).isPresent();
        scheduler.reschedule(TaskInstanceId.of(EventPublicationCleanup.TASK, RecurringTask.INSTANCE), Instant.now());
        scheduler.triggerCheckForDueExecutions();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(exists(oldCompleted)).isFalse());
        assertThat(exists(recentCompleted)).isTrue();
        assertThat(exists(oldIncomplete)).isTrue();
        assertThat(jdbc.sql("select last_success from scheduled_tasks where task_name = ?").param(EventPublicationCleanup.TASK)
                .query(Timestamp.class).single()).isNotNull();

        jdbc.sql("delete from event_publication where id in (?, ?)").params(recentCompleted, oldIncomplete).update();
    }

    private UUID insert(Instant published, Instant completed, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status)
                values (?, 'test.listener', 'test.Event', '{}', ?, ?, ?)""")
                .params(id, Timestamp.from(published), completed == null ? null : Timestamp.from(completed), status)
                .update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("select count(*) from event_publication where id = ?").param(id).query(Long.class).single() > 0;
    }
}

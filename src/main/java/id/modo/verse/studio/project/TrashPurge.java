package id.modo.verse.studio.project;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import id.modo.verse.media.Assets;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.StudioEvents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes projects that stayed in the trash past their restore window ({@link Project#RESTORE_WINDOW}), with their
 * files: an hourly db-scheduler task, so one node runs it. One transaction per project, which is locked and checked
 * again first, so a restore that wins the race keeps its project.
 */
@Configuration(proxyBeanMethods = false)
class TrashPurge {

    static final String TASK = "studio-trash-purge";
    private static final Logger log = LoggerFactory.getLogger(TrashPurge.class);

    private final JdbcClient jdbc;
    private final Assets assets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TrashPurge(JdbcClient jdbc, Assets assets, ApplicationEventPublisher events, TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.assets = assets;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> studioTrashPurgeTask() {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1))).execute((instance, context) -> {
            int purged = purgeDue(100);
            if (purged > 0) {
                log.info("Purged {} projects from the trash", purged);
            }
        });
    }

    private record Due(UUID id, UUID organizationId, String title) {
    }

    /** Purges up to {@code limit} projects trashed longer ago than the restore window; how many it purged. */
    int purgeDue(int limit) {
        Timestamp before = Timestamp.from(clock.instant().minus(Project.RESTORE_WINDOW));
        List<Due> due = jdbc.sql("select id, organization_id, title from projects where deleted_at < ? order by deleted_at limit ?")
                .params(before, limit)
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                        rs.getString("title")))
                .list();
        int purged = 0;
        for (Due project : due) {
            if (Boolean.TRUE.equals(transactions.execute(status -> purge(project, before)))) {
                purged++;
            }
        }
        return purged;
    }

    private boolean purge(Due project, Timestamp before) {
        boolean stillDue = jdbc.sql("select 1 from projects where id = ? and deleted_at < ? for update skip locked")
                .params(project.id(), before)
                .query(Integer.class)
                .optional()
                .isPresent();
        if (!stillDue) {
            return false;
        }
        // Files first: the foreign key would set their project_id to null and hide them from this project.
        assets.deleteProjectFiles(OrganizationId.of(project.organizationId()), project.id());
        jdbc.sql("delete from projects where id = ?").param(project.id()).update();
        events.publishEvent(new StudioEvents.ProjectPurged(project.organizationId(), project.id(), project.title()));
        return true;
    }
}

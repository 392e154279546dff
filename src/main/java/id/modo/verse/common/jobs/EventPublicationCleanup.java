package id.modo.verse.common.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import id.modo.verse.common.ModoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;

/**
 * Keeps the event publication registry small: completed publications older than
 * {@code modo.events.retention} are deleted every {@code modo.events.cleanup-interval}.
 * Incomplete ones are never touched; they are retried on restart.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationCleanup {

    static final String TASK = "event-publication-cleanup";
    private static final Logger log = LoggerFactory.getLogger(EventPublicationCleanup.class);

    @Bean
    RecurringTask<Void> eventPublicationCleanupTask(ModoProperties properties, CompletedEventPublications completed) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.events().cleanupInterval()))
                .execute((instance, context) -> {
                    completed.deletePublicationsOlderThan(properties.events().retention());
                    log.debug("Deleted completed event publications older than {}", properties.events().retention());
                });
    }
}

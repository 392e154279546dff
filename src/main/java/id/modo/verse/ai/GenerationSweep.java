package id.modo.verse.ai;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generations' safety net as a db-scheduler task (one node at a time): starts waiting generations whose slot
 * freed without anyone noticing (the node that ended one died), and ends those whose node died mid-call.
 */
@Configuration(proxyBeanMethods = false)
class GenerationSweep {

    static final String TASK = "ai-generation-sweep";

    @Bean
    RecurringTask<Void> aiGenerationSweepTask(GenerationSlots slots, GenerationRun run, GenerationRequests requests,
            GenerationProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.sweepInterval()))
                .execute((instance, context) -> slots.sweep(requests.requestHold(), run));
    }
}

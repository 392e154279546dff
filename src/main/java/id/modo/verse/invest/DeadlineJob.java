package id.modo.verse.invest;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The campaigns' deadline as a db-scheduler task: one node at a time ends the campaigns past their end date. */
@Configuration(proxyBeanMethods = false)
class DeadlineJob {

    static final String TASK = "invest-campaign-deadline";

    @Bean
    RecurringTask<Void> investCampaignDeadlineTask(Settlement settlement, LifecycleProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.deadlineInterval()))
                .execute((instance, context) -> settlement.settleDue());
    }
}

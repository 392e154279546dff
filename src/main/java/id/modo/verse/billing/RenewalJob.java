package id.modo.verse.billing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every {@code modo.billing.renewal-interval}: renews, retries or ends the subscriptions whose period is over. */
@Configuration(proxyBeanMethods = false)
class RenewalJob {

    static final String TASK = "subscription-renewal";
    private static final Logger log = LoggerFactory.getLogger(RenewalJob.class);

    @Bean
    RecurringTask<Void> subscriptionRenewalTask(SubscriptionRenewals renewals, BillingProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.renewalInterval()))
                .execute((instance, context) -> {
                    int seen = renewals.renewDue();
                    if (seen > 0) {
                        log.info("Renewal job looked at {} subscriptions whose period ended", seen);
                    }
                });
    }
}

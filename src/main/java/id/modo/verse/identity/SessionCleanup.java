package id.modo.verse.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import id.modo.verse.common.RateLimiter;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hourly: deletes sessions that can no longer be used, mail-link tokens a week past expiry and rate-limit windows long over. */
@Configuration(proxyBeanMethods = false)
class SessionCleanup {

    static final String TASK = "session-cleanup";
    private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

    @Bean
    RecurringTask<Void> sessionCleanupTask(Sessions sessions, OneTimeTokens tokens, RateLimiter rateLimiter) {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int expired = sessions.purgeExpired() + tokens.purgeExpired();
                    int windows = rateLimiter.purgeOlderThan(Duration.ofDays(1));
                    log.debug("Deleted {} expired sessions and {} old rate-limit windows", expired, windows);
                });
    }
}

package id.modo.verse.watch;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import id.modo.verse.identity.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The match scores' db-scheduler tasks (one node runs each): {@value #TASK}, one user's recomputation, asked for after
 * a rating through {@link MatchScoreRefresh} and held back {@code modo.watch.match-debounce} (default 30 s) so a burst
 * of ratings costs one run; and {@value #SWEEP}, every {@code modo.watch.match-sweep-interval} (default 10 min), which
 * recomputes everyone who rated or watched something in the last day since their last run.
 */
@Configuration(proxyBeanMethods = false)
class MatchScoreJobs {

    static final String TASK = "watch-match-score";
    static final String SWEEP = "watch-match-score-sweep";
    /** Users recomputed per sweep; the rest wait for the next one. */
    static final int SWEEP_BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(MatchScoreJobs.class);

    @Bean
    OneTimeTask<Void> watchMatchScoreTask(MatchScores scores) {
        return Tasks.oneTime(TASK).execute((instance, context) -> scores.compute(UserId.of(UUID.fromString(instance.getId()))));
    }

    @Bean
    RecurringTask<Void> watchMatchScoreSweep(MatchScores scores,
            @Value("${modo.watch.match-sweep-interval:PT10M}") Duration interval) {
        return Tasks.recurring(SWEEP, FixedDelay.of(interval)).execute((instance, context) -> {
            int users = 0;
            for (UserId user : scores.stale(SWEEP_BATCH)) {
                scores.compute(user);
                users++;
            }
            if (users > 0) {
                log.info("Match scores recomputed for {} users", users);
            }
        });
    }

    @Bean
    MatchScoreRefresh matchScoreRefresh(ObjectProvider<Scheduler> scheduler, Clock clock,
            @Value("${modo.watch.match-debounce:PT30S}") Duration debounce) {
        return user -> scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(TASK, user.value().toString()),
                clock.instant().plus(debounce));
    }
}

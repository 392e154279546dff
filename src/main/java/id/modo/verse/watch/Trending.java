package id.modo.verse.watch;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Trending: titles ranked by their views (one per viewer and day, {@code content_views}) of the last 7 days, written to
 * {@code contents.trending_rank} by a db-scheduler task (one node runs it; it survives restarts). A title with no view in
 * the window loses its rank. Titles are ranked whatever their status and the home's row shows the published ones, so a
 * title published between two runs shows at once. One statement, so readers see the old ranks or the new, never a mix.
 */
@Service
public class Trending {

    static final String TASK = "watch-trending";
    static final int DAYS = 7;
    static final int RANKED = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    Trending(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Recomputes every rank; answers how many titles are ranked. */
    public int recompute() {
        jdbc.sql("""
                with ranked as (
                  select v.content_id, row_number() over (order by count(*) desc, max(c.published_at) desc, v.content_id) as rank
                  from content_views v join contents c on c.id = v.content_id
                  where v.view_date > :since
                  group by v.content_id
                  order by rank limit :ranked)
                update contents c set trending_rank = ranked.rank
                from contents t left join ranked on ranked.content_id = t.id
                where c.id = t.id and (t.trending_rank is not null or ranked.rank is not null)
                  and c.trending_rank is distinct from ranked.rank""")
                .param("since", WatchHistory.viewDay(clock.instant()).minusDays(DAYS))
                .param("ranked", RANKED)
                .update();
        return jdbc.sql("select count(*) from contents where trending_rank is not null").query(Integer.class).single();
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> watchTrendingTask(Trending trending) {
            return Tasks.recurring(TASK, FixedDelay.of(Duration.ofHours(1))).execute((instance, context) -> trending.recompute());
        }
    }
}

package id.modo.verse.support;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Every cached test context runs db-scheduler on the one test database, so an idle context would take up jobs the
 * active test submitted and run them with its own settings (another clock, no AI keys, no test handler). Spring pauses
 * a cached context's lifecycle beans when the tests switch to another context; this bean makes that pause the
 * context's scheduler too (it stops picking up due work; heartbeats go on), and resumes it when the context is used again.
 */
final class SchedulerPausing implements SmartLifecycle {

    private final ObjectProvider<Scheduler> scheduler;
    private volatile boolean running;

    SchedulerPausing(ObjectProvider<Scheduler> scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        running = true;
        scheduler.ifAvailable(s -> {
            s.resume();
            s.triggerCheckForDueExecutions();
        });
    }

    @Override
    public void stop() {
        running = false;
        scheduler.ifAvailable(Scheduler::pause);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

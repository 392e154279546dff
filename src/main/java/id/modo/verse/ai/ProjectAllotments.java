package id.modo.verse.ai;

import id.modo.verse.common.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's monthly credit allotment (set in Studio, read through {@link GenerationProjects}). The month is Jakarta's
 * calendar month, as the usage pages count. Generations still waiting or running count their hold, ended ones what
 * they charged, so a hold that comes back frees its share again.
 */
@Component
class ProjectAllotments {

    static final ZoneId MONTH_ZONE = ZoneId.of("Asia/Jakarta");

    private final JdbcClient jdbc;
    private final ObjectProvider<GenerationProjects> projects;
    private final Clock clock;

    ProjectAllotments(JdbcClient jdbc, ObjectProvider<GenerationProjects> projects, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
    }

    /**
     * Refuses a hold of {@code credits} that would take the project past its allotment: 409
     * {@code project-allotment-exceeded} with {@code allotment} and {@code remaining}. Takes a lock per project until
     * the caller's transaction ends, so two generations begun at once are counted one after the other and the one
     * inserted in that transaction is seen by the next.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void check(UUID projectId, int credits) {
        OptionalInt allotment = projects.stream().findFirst().map(p -> p.monthlyAllotment(projectId)).orElse(OptionalInt.empty());
        if (allotment.isEmpty()) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))").param("ai-project-allotment:" + projectId)
                .query((rs, n) -> null).list();
        int used = used(projectId);
        int remaining = Math.max(0, allotment.getAsInt() - used);
        if (credits > remaining) {
            throw new ProblemException(AiProblems.PROJECT_ALLOTMENT_EXCEEDED, "This generation holds " + credits + " credits, but the project has "
                    + remaining + " of its " + allotment.getAsInt() + " monthly credits left. A producer can raise the allotment in the project's AI settings.",
                    Map.of("allotment", allotment.getAsInt(), "remaining", remaining, "asked", credits));
        }
    }

    /** The credits the project's generations took this month: holds of those not ended, charges of those that did. */
    int used(UUID projectId) {
        LocalDate today = LocalDate.now(clock.withZone(MONTH_ZONE));
        OffsetDateTime monthStart = today.withDayOfMonth(1).atStartOfDay(MONTH_ZONE).toOffsetDateTime();
        return jdbc.sql("""
                select coalesce(sum(case when status in ('pending', 'running') then credits_price else coalesce(credits_charged, 0) end), 0)
                from ai_generations where project_id = ? and created_at >= ?""")
                .params(projectId, monthStart)
                .query(Integer.class).single();
    }
}

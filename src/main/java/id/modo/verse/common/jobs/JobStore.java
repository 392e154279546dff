package id.modo.verse.common.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code jobs} and {@code job_outputs} rows. Every write a run makes names the run's attempt and
 * needs the job still {@code running} with it, so a run that lost its node's heartbeat and was taken over
 * elsewhere changes nothing when it wakes up: its statements match no row.
 */
@Repository
class JobStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JobStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A file a job kept for download. */
    record Output(String fileName, String contentType, byte[] content) {}

    Job insert(UUID id, String kind, @Nullable UUID organization, UUID createdBy, @Nullable UUID subject, Map<String, Object> input) {
        return jdbc.sql("""
                insert into jobs (id, kind, organization_id, created_by, subject, input)
                values (?, ?, ?, ?, ?, ?::jsonb) returning *""")
                .params(id, kind, organization, createdBy, subject, json.writeValueAsString(input))
                .query(this::job).single();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("select * from jobs where id = ?").param(id).query(this::job).optional();
    }

    List<Job> findAll(Collection<UUID> ids) {
        return jdbc.sql("select * from jobs where id = any(?)").param(ids.toArray(UUID[]::new)).query(this::job).list();
    }

    /** The job locked for a user's move, so a cancel and a retry (or the runner) cannot cross. */
    Optional<Job> lock(UUID id) {
        return jdbc.sql("select * from jobs where id = ? for update").param(id).query(this::job).optional();
    }

    /**
     * Starts a run: a pending job, or a running one whose node died (db-scheduler revived its execution),
     * becomes running under the next attempt number. Empty when there is nothing to run (cancelled
     * while it waited, or already ended).
     */
    Optional<Job> start(UUID id) {
        return jdbc.sql("""
                update jobs set state = 'running', attempts = attempts + 1, started_at = now(), updated_at = now()
                where id = ? and state in ('pending', 'running') returning *""")
                .param(id).query(this::job).optional();
    }

    /** The job with the progress recorded, or empty when this run was superseded. */
    Optional<Job> progress(UUID id, int attempt, long done, long total, @Nullable String message) {
        return jdbc.sql("""
                update jobs set progress_done = ?, progress_total = ?, message = ?, updated_at = now()
                where id = ? and attempts = ? and state = 'running' returning *""")
                .params(done, total, message, id, attempt).query(this::job).optional();
    }

    /** Whether a cancel was asked for this run; empty when the run was superseded. */
    Optional<Boolean> cancelRequested(UUID id, int attempt) {
        return jdbc.sql("select cancel_requested from jobs where id = ? and attempts = ? and state = 'running'")
                .params(id, attempt).query(Boolean.class).optional();
    }

    /** Ends the run; empty when it was superseded, and then nothing is written. */
    Optional<Job> finish(UUID id, int attempt, JobState state, @Nullable Map<String, Object> result, @Nullable String error) {
        return jdbc.sql("""
                update jobs set state = ?, result = ?::jsonb, error = ?, finished_at = now(), updated_at = now(),
                    progress_done = case when ? = 'completed' then greatest(progress_total, progress_done) else progress_done end
                where id = ? and attempts = ? and state = 'running' returning *""")
                .params(state.dbValue(), result == null ? null : json.writeValueAsString(result), error, state.dbValue(), id, attempt)
                .query(this::job).optional();
    }

    /** Keeps the run's file; false when the run was superseded. */
    boolean output(UUID id, int attempt, String fileName, String contentType, byte[] content) {
        return jdbc.sql("""
                insert into job_outputs (job_id, file_name, content_type, content)
                select id, ?, ?, ? from jobs where id = ? and attempts = ? and state = 'running'
                on conflict (job_id) do update
                    set file_name = excluded.file_name, content_type = excluded.content_type, content = excluded.content""")
                .params(fileName, contentType, content, id, attempt).update() == 1;
    }

    Optional<Output> output(UUID id) {
        return jdbc.sql("select file_name, content_type, content from job_outputs where job_id = ?").param(id)
                .query((rs, n) -> new Output(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** A pending job ends at once; a running one is asked to stop and ends when its handler next looks. */
    Job cancel(Job job) {
        return jdbc.sql("""
                update jobs set state = case when state = 'pending' then 'cancelled' else state end,
                    finished_at = case when state = 'pending' then now() else finished_at end,
                    cancel_requested = (state = 'running'), updated_at = now()
                where id = ? returning *""")
                .param(job.id()).query(this::job).single();
    }

    /** Back to pending for another run, without what the last run left. */
    Job retry(Job job) {
        jdbc.sql("delete from job_outputs where job_id = ?").param(job.id()).update();
        return jdbc.sql("""
                update jobs set state = 'pending', progress_done = 0, progress_total = 0, message = null, result = null,
                    error = null, cancel_requested = false, started_at = null, finished_at = null, updated_at = now()
                where id = ? returning *""")
                .param(job.id()).query(this::job).single();
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        String result = rs.getString("result");
        return new Job(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getObject("organization_id", UUID.class),
                rs.getObject("created_by", UUID.class), rs.getObject("subject", UUID.class),
                json.readValue(rs.getString("input"), MAP), JobState.of(rs.getString("state")),
                rs.getLong("progress_done"), rs.getLong("progress_total"), rs.getString("message"),
                result == null ? null : json.readValue(result, MAP), rs.getString("error"), rs.getInt("attempts"),
                rs.getBoolean("cancel_requested"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), instant(rs, "updated_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

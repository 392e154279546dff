package id.modo.verse.ai;

import id.modo.verse.organization.OrganizationId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ai_generations} rows and their {@code ai_usage_logs} row. Every move of a generation is one conditional
 * UPDATE on its status, so of two settlements racing (the answer arriving, a cancel) exactly one wins, and only the
 * winner settles the credits and writes the usage row.
 */
@Repository
class GenerationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    GenerationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Generation g) {
        jdbc.sql("""
                insert into ai_generations (id, organization_id, user_id, project_id, type, input, template_version, mode, status,
                    credits_price, reservation_id, created_at, started_at)
                values (:id, :org, :user, :project, :type, cast(:input as jsonb), :template, :mode, :status, :price, :reservation, :created, :started)""")
                .param("id", g.id().value())
                .param("org", g.organizationId().value())
                .param("user", g.userId())
                .param("project", g.projectId(), Types.OTHER)
                .param("type", g.type().key())
                .param("input", JSON.writeValueAsString(g.input()))
                .param("template", g.templateVersion())
                .param("mode", g.mode().dbValue())
                .param("status", g.status().dbValue())
                .param("price", g.creditsPrice())
                .param("reservation", g.reservationId(), Types.OTHER)
                .param("created", utc(g.createdAt()))
                .param("started", g.startedAt() == null ? null : utc(g.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    Optional<Generation> find(GenerationId id) {
        return jdbc.sql("select * from ai_generations where id = ?").param(id.value()).query(GenerationStore::row).optional();
    }

    void attachJob(GenerationId id, UUID job) {
        jdbc.sql("update ai_generations set job_id = ? where id = ?").params(job, id.value()).update();
    }

    /**
     * Serializes the slot decisions of one organization across every node until the transaction ends; a transaction
     * lock, so a node that dies mid-decision holds nothing.
     */
    void lockSlots(OrganizationId organization) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('ai-slots:' || ?, 0))").param(organization.value().toString())
                .query(Object.class).single();
    }

    /** As {@link #lockSlots}, but false at once when another transaction holds them (it is dispatching that organization). */
    boolean tryLockSlots(OrganizationId organization) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('ai-slots:' || ?, 0))")
                .param(organization.value().toString()).query(Boolean.class).single());
    }

    int running(OrganizationId organization) {
        return jdbc.sql("select count(*) from ai_generations where organization_id = ? and status = 'running'")
                .param(organization.value()).query(Integer.class).single();
    }

    int runningOrWaiting(OrganizationId organization) {
        return jdbc.sql("select count(*) from ai_generations where organization_id = ? and status in ('pending', 'running')")
                .param(organization.value()).query(Integer.class).single();
    }

    int waiting(OrganizationId organization) {
        return jdbc.sql("select count(*) from ai_generations where organization_id = ? and status = 'pending'")
                .param(organization.value()).query(Integer.class).single();
    }

    /** Organizations with generations waiting for a slot, the longest-waiting first. */
    List<OrganizationId> waitingOrganizations(int limit) {
        return jdbc.sql("""
                select organization_id from ai_generations where status = 'pending'
                group by organization_id order by min(created_at) limit ?""")
                .param(limit).query((rs, n) -> OrganizationId.of(rs.getObject(1, UUID.class))).list();
    }

    /**
     * Moves the organization's {@code count} longest-waiting generations to running; the caller holds its slots. The
     * outer {@code status = 'pending'} is what PostgreSQL checks again on a row a cancel changed while this waited for
     * it (READ COMMITTED does not re-run the subquery), so a generation cancelled meanwhile is not started.
     */
    List<Generation> startWaiting(OrganizationId organization, int count, Instant now) {
        return jdbc.sql("""
                update ai_generations set status = 'running', started_at = :now
                where status = 'pending'
                  and id in (select id from ai_generations where organization_id = :org and status = 'pending'
                             order by created_at, id limit :count)
                returning *""")
                .param("now", utc(now)).param("org", organization.value()).param("count", count)
                .query(GenerationStore::row).list();
    }

    /** Running answered-in-the-request generations started before {@code cutoff}: their node died or lost them. */
    List<GenerationId> abandoned(Instant cutoff, int limit) {
        return jdbc.sql("""
                select id from ai_generations where status = 'running' and mode <> 'job' and started_at < ?
                order by started_at limit ?""")
                .params(utc(cutoff), limit).query((rs, n) -> GenerationId.of(rs.getObject(1, UUID.class))).list();
    }

    /** Completes a running generation; empty when it is no longer running (cancelled meanwhile). */
    Optional<Generation> complete(GenerationId id, String text, String json, UUID asset, int charged, Receipt receipt, Instant now) {
        return jdbc.sql("""
                update ai_generations set status = 'completed', result_text = :text, result_json = cast(:json as jsonb), result_asset_id = :asset,
                    credits_charged = :charged, provider = :provider, model = :model, own_key = :own, fell_back_to_platform_key = :fell,
                    finished_at = :now
                where id = :id and status = 'running'
                returning *""")
                .param("text", text, Types.VARCHAR).param("json", json, Types.VARCHAR).param("asset", asset, Types.OTHER)
                .param("charged", charged).param("provider", receipt.provider()).param("model", receipt.model())
                .param("own", receipt.ownKey()).param("fell", receipt.fellBackToPlatformKey()).param("now", utc(now))
                .param("id", id.value())
                .query(GenerationStore::row).optional();
    }

    /**
     * Records the video the provider is making for a running generation, and who makes it, so a run started again
     * follows that video; false when the generation no longer runs (cancelled meanwhile).
     */
    boolean videoStarted(GenerationId id, String providerJobId, Receipt receipt) {
        return jdbc.sql("""
                update ai_generations set provider_job_id = :job, provider = :provider, model = :model, own_key = :own,
                    fell_back_to_platform_key = :fell
                where id = :id and status = 'running'""")
                .param("job", providerJobId).param("provider", receipt.provider()).param("model", receipt.model())
                .param("own", receipt.ownKey()).param("fell", receipt.fellBackToPlatformKey()).param("id", id.value()).update() == 1;
    }

    /** The provider's id of the video a generation asked for; empty before it was created. */
    Optional<String> providerJobId(GenerationId id) {
        return jdbc.sql("select provider_job_id from ai_generations where id = ? and provider_job_id is not null").param(id.value())
                .query(String.class).optional();
    }

    /** Ends a waiting or running generation as failed or cancelled, nothing charged; empty when it had already ended. */
    Optional<Generation> end(GenerationId id, GenerationStatus status, String error, Instant now) {
        return jdbc.sql("""
                update ai_generations set status = :status, error = :error, credits_charged = 0, finished_at = :now
                where id = :id and status in ('pending', 'running')
                returning *""")
                .param("status", status.dbValue()).param("error", error, Types.VARCHAR).param("now", utc(now)).param("id", id.value())
                .query(GenerationStore::row).optional();
    }

    /** What the usage log says of one ended generation. */
    record Usage(String status, String provider, String model, long inputTokens, long outputTokens, int credits, BigDecimal costUsd,
            String error, Receipt receipt, int attempts) {
    }

    /** The generation's one usage row; a second for the same generation breaks the unique index and rolls the settlement back. */
    void log(Generation g, Usage usage, Instant now) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("generation_id", g.id().value().toString());
        metadata.put("own_key", usage.receipt() != null && usage.receipt().ownKey());
        metadata.put("fell_back_to_platform_key", usage.receipt() != null && usage.receipt().fellBackToPlatformKey());
        metadata.put("attempts", usage.attempts());
        metadata.put("template_version", g.templateVersion());
        Instant started = g.startedAt() == null ? g.createdAt() : g.startedAt();
        jdbc.sql("""
                insert into ai_usage_logs (organization_id, user_id, project_id, endpoint, provider, model, input_tokens, output_tokens,
                    credits_used, cost_usd, duration_ms, status, error_message, request_metadata, created_at)
                values (:org, :user, :project, :endpoint, :provider, :model, :input, :output, :credits, :cost, :duration, :status, :error,
                    cast(:metadata as jsonb), :now)""")
                .param("org", g.organizationId().value()).param("user", g.userId()).param("project", g.projectId(), Types.OTHER)
                .param("endpoint", g.type().key()).param("provider", usage.provider(), Types.VARCHAR).param("model", usage.model(), Types.VARCHAR)
                .param("input", (int) Math.min(Integer.MAX_VALUE, usage.inputTokens()))
                .param("output", (int) Math.min(Integer.MAX_VALUE, usage.outputTokens()))
                .param("credits", usage.credits()).param("cost", usage.costUsd(), Types.NUMERIC)
                .param("duration", (int) Math.max(0, Math.min(Integer.MAX_VALUE, now.toEpochMilli() - started.toEpochMilli())))
                .param("status", usage.status()).param("error", usage.error(), Types.VARCHAR)
                .param("metadata", JSON.writeValueAsString(metadata)).param("now", utc(now))
                .update();
    }

    private static Generation row(ResultSet rs, int number) throws SQLException {
        String json = rs.getString("result_json");
        return new Generation(GenerationId.of(rs.getObject("id", UUID.class)), OrganizationId.of(rs.getObject("organization_id", UUID.class)),
                rs.getObject("user_id", UUID.class), rs.getObject("project_id", UUID.class), GenerationType.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT)),
                JSON.readValue(rs.getString("input"), new TypeReference<Map<String, Object>>() { }), rs.getString("template_version"),
                GenerationMode.of(rs.getString("mode")), GenerationStatus.of(rs.getString("status")), rs.getString("result_text"),
                json == null ? null : JSON.readValue(json, Object.class), rs.getObject("result_asset_id", UUID.class), rs.getString("error"),
                rs.getInt("credits_price"), (Integer) rs.getObject("credits_charged"), rs.getObject("reservation_id", UUID.class),
                rs.getObject("job_id", UUID.class), rs.getString("provider"), rs.getString("model"), rs.getBoolean("own_key"),
                rs.getBoolean("fell_back_to_platform_key"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package id.modo.verse.ai;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Three weeks of Studio Kancil's AI history, so its usage page is alive on first start. The demo has no provider, so
 * these are generations on a local OpenAI-compatible model (the catalogue's {@code compatible} llama3.2, priced 0):
 * they cost no credits, and the credit ledger rightly shows none.
 */
@Component
class AiDemo implements DemoSeeder {

    /** Type, owner (true) or editor, status, input and output tokens: a studio's mix of text and failed attempts. */
    private record Attempt(String type, boolean owner, String status, int input, int output) {
    }

    private static final List<Attempt> DAY = List.of(
            new Attempt("premise", true, "success", 310, 180),
            new Attempt("synopsis", false, "success", 920, 640),
            new Attempt("character_profile", false, "success", 1250, 980),
            new Attempt("logline", true, "error", 240, 0),
            new Attempt("story_structure", true, "success", 1800, 2100),
            new Attempt("script_scene", false, "timeout", 2600, 0),
            new Attempt("moodboard_prompt", false, "success", 420, 260));

    private final JdbcClient jdbc;
    private final Clock clock;

    AiDemo(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int order() {
        return CONTENT;
    }

    @Override
    public void seed(DemoContext demo) {
        UUID kancil = demo.tenant(Tenant.KANCIL);
        UUID owner = demo.person(Person.KANCIL_OWNER);
        UUID editor = demo.person(Person.KANCIL_EDITOR);
        Instant now = clock.instant();
        for (int daysAgo = 20; daysAgo >= 1; daysAgo--) {
            // A studio's week: busier midweek, a few attempts a day, none on some days.
            int attempts = (daysAgo * 5 + 3) % 7;
            for (int i = 0; i < attempts; i++) {
                Attempt attempt = DAY.get((daysAgo + i) % DAY.size());
                Instant at = now.minus(Duration.ofDays(daysAgo)).plus(Duration.ofMinutes(37L * i + 11));
                jdbc.sql("""
                        insert into ai_usage_logs (organization_id, user_id, endpoint, provider, model, input_tokens, output_tokens,
                            credits_used, cost_usd, duration_ms, status, error_message, request_metadata, created_at)
                        values (?, ?, ?, 'compatible', 'llama3.2', ?, ?, 0, 0, ?, ?, ?, cast(? as jsonb), ?)""")
                        .params(kancil, attempt.owner() ? owner : editor, attempt.type(), attempt.input(), attempt.output(),
                                400 + (attempt.input() + attempt.output()) * 3, attempt.status(), error(attempt.status()),
                                "{\"generation_id\":\"" + UUID.randomUUID() + "\",\"own_key\":false,\"fell_back_to_platform_key\":false,\"attempts\":1}",
                                Timestamp.from(at))
                        .update();
            }
        }
    }

    private static String error(String status) {
        return switch (status) {
            case "error" -> "compatible answered 500: unavailable";
            case "timeout" -> "compatible did not answer in time or could not be reached";
            default -> null;
        };
    }
}

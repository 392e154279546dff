package id.modo.verse.ai;

import id.modo.verse.common.DemoContext;
import id.modo.verse.common.DemoContext.Person;
import id.modo.verse.common.DemoContext.Tenant;
import id.modo.verse.common.DemoSeeder;
import id.modo.verse.ai.provider.ProviderKind;
import id.modo.verse.credit.CreditLedger;
import id.modo.verse.identity.UserId;
import id.modo.verse.organization.OrganizationId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Three weeks of AI history, so the organizations' usage pages and the platform's dashboard are alive on first start.
 * Most are generations on a local OpenAI-compatible model (the catalogue's {@code compatible} llama3.2, priced 0),
 * which cost no credits, and attempts that failed, which cost none either. Studio Kancil (on Pro) also used the
 * platform's OpenAI, Anthropic and Gemini models before this start: each of those rows is charged its type's price,
 * and the same credits were spent on the ledger for the same generation, so the ledger and the usage log agree.
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

    /** A platform model Kancil used, every {@code every} days starting {@code offset} days ago, for one type. */
    private record Platform(ProviderKind provider, String model, GenerationType type, int every, int offset, int input, int output) {
    }

    private static final List<Platform> PLATFORM = List.of(
            new Platform(ProviderKind.OPENAI, "gpt-4.1-mini", GenerationType.SYNOPSIS, 3, 0, 880, 610),
            new Platform(ProviderKind.ANTHROPIC, "claude-sonnet-4-5", GenerationType.LOGLINE, 4, 1, 260, 70),
            new Platform(ProviderKind.GEMINI, "gemini-2.5-flash", GenerationType.PREMISE, 5, 2, 300, 190));

    private static final Logger log = LoggerFactory.getLogger(AiDemo.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ModelCatalogue catalogue;
    private final CreditLedger ledger;

    AiDemo(JdbcClient jdbc, Clock clock, ModelCatalogue catalogue, CreditLedger ledger) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.catalogue = catalogue;
        this.ledger = ledger;
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
        local(kancil, owner, editor, now, 5, 3);
        // Layar Nusantara tries the local model now and then: a smaller film house, a different rhythm.
        UUID layar = demo.tenant(Tenant.LAYAR);
        UUID dewi = demo.person(Person.LAYAR_OWNER);
        local(layar, dewi, dewi, now, 3, 1);
        platform(OrganizationId.of(kancil), UserId.of(owner), now);
    }

    /** Three weeks on the local model, {@code (day * step + shift) % 7} attempts a day (none on some days). */
    private void local(UUID organization, UUID owner, UUID editor, Instant now, int step, int shift) {
        for (int daysAgo = 20; daysAgo >= 1; daysAgo--) {
            int attempts = (daysAgo * step + shift) % 7;
            for (int i = 0; i < attempts; i++) {
                Attempt attempt = DAY.get((daysAgo + i) % DAY.size());
                Instant at = now.minus(Duration.ofDays(daysAgo)).plus(Duration.ofMinutes(37L * i + 11));
                insert(organization, attempt.owner() ? owner : editor, attempt.type(), "compatible", "llama3.2", attempt.input(),
                        attempt.output(), 0, BigDecimal.ZERO, attempt.status(), UUID.randomUUID(), at);
            }
        }
    }

    /**
     * Kancil's generations on the platform's models, each charged its type's price on the ledger (referenced by the
     * generation, as the gateway's commit is). Left out when the organization could not have paid for them.
     */
    private void platform(OrganizationId kancil, UserId owner, Instant now) {
        record Row(Platform used, int credits, BigDecimal usd, Instant at) {
        }
        List<Row> rows = new ArrayList<>();
        for (int daysAgo = 20; daysAgo >= 1; daysAgo--) {
            for (Platform used : PLATFORM) {
                if (daysAgo % used.every() == used.offset()) {
                    BigDecimal usd = catalogue.find(used.provider(), used.model())
                            .map(model -> GenerationPricing.usd(model, used.input(), used.output())).orElse(null);
                    rows.add(new Row(used, catalogue.credits(used.type()), usd, now.minus(Duration.ofDays(daysAgo)).plus(Duration.ofHours(3))));
                }
            }
        }
        int total = rows.stream().mapToInt(Row::credits).sum();
        if (ledger.balances(kancil).available() < total) {
            log.info("Studio Kancil has fewer than {} credits, so its demo generations on the platform's models are left out", total);
            return;
        }
        for (Row row : rows) {
            UUID generation = UUID.randomUUID();
            insert(kancil.value(), owner.value(), row.used().type().key(), row.used().provider().key(), row.used().model(), row.used().input(),
                    row.used().output(), row.credits(), row.usd(), "success", generation, row.at());
            if (row.credits() > 0) {
                ledger.debit(kancil, owner, row.credits(), GenerationRequests.RESERVATION_TYPE, generation.toString(), row.used().type().key());
            }
        }
    }

    private void insert(UUID organization, UUID user, String type, String provider, String model, int input, int output, int credits,
            BigDecimal usd, String status, UUID generation, Instant at) {
        jdbc.sql("""
                insert into ai_usage_logs (organization_id, user_id, endpoint, provider, model, input_tokens, output_tokens,
                    credits_used, cost_usd, duration_ms, status, error_message, request_metadata, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
                .params(organization, user, type, provider, model, input, output, credits, usd, 400 + (input + output) * 3, status,
                        error(status), "{\"generation_id\":\"" + generation + "\",\"own_key\":false,\"fell_back_to_platform_key\":false,\"attempts\":1}",
                        Timestamp.from(at))
                .update();
    }

    private static String error(String status) {
        return switch (status) {
            case "error" -> "compatible answered 500: unavailable";
            case "timeout" -> "compatible did not answer in time or could not be reached";
            default -> null;
        };
    }
}

package id.modo.verse.ai;

import id.modo.verse.support.Http;
import id.modo.verse.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People signed in through the API and organizations written in SQL with them as members, for the AI keys and usage
 * tests. Keys stored for these organizations are deleted afterwards ({@link #removeKeys}): an app started later on
 * this database with another data directory would rightly refuse to start without their master key.
 */
final class AiFixtures {

    private final JdbcClient jdbc;
    private final Http http;
    private final List<UUID> organizations = new ArrayList<>();

    AiFixtures(JdbcClient jdbc, Http http) {
        this.jdbc = jdbc;
        this.http = http;
    }

    record Person(Users.Signed signed, Http http) {
        String id() {
            return signed.id();
        }
    }

    Person person(String prefix) {
        Users.Signed signed = new Users(http).signUpAndIn(prefix);
        return new Person(signed, http.withBearer(signed.token()));
    }

    /** One ai_usage_logs row, as the generation gateway writes it. */
    void usage(String organization, Person member, String type, String status, int credits, int input, int output, String at) {
        jdbc.sql("""
                insert into ai_usage_logs (organization_id, user_id, endpoint, provider, model, input_tokens, output_tokens, credits_used,
                    duration_ms, status, created_at)
                values (cast(? as uuid), cast(? as uuid), ?, 'openai', 'gpt-4.1-mini', ?, ?, ?, 900, ?, cast(? as timestamptz))""")
                .params(organization, member == null ? null : member.id(), type, input, output, credits, status, at).update();
    }

    /** An organization on {@code plan} ({@code free}: no subscription row, which reads as free). */
    String organization(String plan) {
        String slug = "ai-" + UUID.randomUUID().toString().substring(0, 12);
        UUID id = jdbc.sql("insert into organizations (name, slug) values (?, ?) returning id").params("AI " + slug, slug).query(UUID.class).single();
        if (!plan.equals("free")) {
            jdbc.sql("insert into subscriptions (organization_id, plan, status) values (?, ?, 'active')").params(id, plan).update();
        }
        organizations.add(id);
        return id.toString();
    }

    void member(String organization, Person person, String role) {
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (cast(? as uuid), cast(? as uuid), ?)")
                .params(organization, person.id(), role).update();
    }

    void removeKeys() {
        organizations.forEach(organization -> jdbc.sql("delete from user_api_keys where organization_id = ?").param(organization).update());
    }
}

package id.modo.verse.ai;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The AI admin pages as a platform admin's browser gets them, and as everyone else does not. */
@IntegrationTest
class AiAdminPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Users users;
    PageSession admin;
    CatalogueSnapshot shipped;

    @BeforeEach
    void signIn() {
        users = new Users(new Http(port));
        Users.Signed signed = users.signUpAndIn("ai-pages-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(signed.id())).update();
        admin = PageSession.signIn(new Http(port), signed);
        shipped = CatalogueSnapshot.take(jdbc);
    }

    @AfterEach
    void putTheCatalogueBack() {
        shipped.restore();
    }

    @Test
    void othersGetTheForbiddenPageAndSeeNoLink() {
        PageSession member = PageSession.signIn(new Http(port), users.signUpAndIn("ai-pages-member"));
        for (String path : new String[] {"/admin/ai", "/admin/ai/keys", "/admin/ai/usage", "/admin/ai/models/" + modelId("gpt-4.1-mini")}) {
            assertThat(member.get(path).statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> page = admin.get("/admin/ai");
        HttpResponse<String> refused = member.post("/admin/ai/prices", page, "price_synopsis=0", PageSession.HTML);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select credits from ai_generation_prices where generation_type = 'synopsis'").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void theCatalogueRendersInBothLanguagesAndItsFormsChangeIt() {
        HttpResponse<String> page = admin.get("/admin/ai?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Model catalogue", "gpt-4.1-mini", "claude-sonnet-4-5", "gpt-image-1", "href=\"/admin/ai\"",
                "Credit price per generation type", "name=\"price_script_scene\"", "Make default").doesNotContain("style=");
        assertThat(admin.get("/admin/ai?lang=id").body()).contains("Katalog model", "Harga kredit per jenis generasi", "Sinopsis");

        String prices = Arrays.stream(GenerationType.values()).map(type -> "price_" + type.key() + "=" + (type == GenerationType.SYNOPSIS ? "-1" : "2"))
                .collect(Collectors.joining("&"));
        HttpResponse<String> negative = admin.post("/admin/ai/prices", page, prices, PageSession.HTML);
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("Nothing was saved", "synopsis");
        HttpResponse<String> saved = admin.post("/admin/ai/prices", page, prices.replace("price_synopsis=-1", "price_synopsis=0"), PageSession.HTML);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select credits from ai_generation_prices where generation_type = 'synopsis'").query(Integer.class).single()).isZero();

        UUID claude = modelId("claude-sonnet-4-5");
        assertThat(admin.post("/admin/ai/models/" + claude + "/move", page, "direction=up", PageSession.HTML).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select model from ai_models where kind = 'text' order by fallback_position limit 1").query(String.class).single())
                .isEqualTo("claude-sonnet-4-5");
        assertThat(admin.post("/admin/ai/models/" + claude + "/default", page, "", PageSession.HTML).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select model from ai_models where kind = 'text' and is_default").query(String.class).list()).containsExactly("claude-sonnet-4-5");
        HttpResponse<String> offDefault = admin.post("/admin/ai/models/" + claude + "/enabled", page, "enabled=false", PageSession.HTML);
        assertThat(offDefault.statusCode()).isEqualTo(409);
        assertThat(offDefault.body()).contains("the default model stays enabled");

        HttpResponse<String> added = admin.post("/admin/ai/models", page,
                "provider=gemini&kind=text&model=gemini-2.5-pro&credits_in=&credits_out=&usd_in=0.00125&usd_out=0.01&usd_image=&plans=pro&enabled=true",
                PageSession.HTML);
        assertThat(added.statusCode()).isEqualTo(302);
        HttpResponse<String> duplicate = admin.post("/admin/ai/models", page, "provider=gemini&kind=text&model=gemini-2.5-pro", PageSession.HTML);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("value=\"gemini-2.5-pro\"");
        UUID pro = modelId("gemini-2.5-pro");
        HttpResponse<String> edit = admin.get("/admin/ai/models/" + pro);
        assertThat(edit.body()).contains("Edit gemini-2.5-pro", "value=\"0.00125\"");
        assertThat(admin.post("/admin/ai/models/" + pro, edit, "model=gemini-2.5-pro&usd_in=0.002&usd_out=0.01", PageSession.HTML).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select enabled from ai_models where id = ?").param(pro).query(Boolean.class).single()).isFalse();
        assertThat(admin.get("/admin/ai/models/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/ai/models/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void platformKeysShowTheirSourceAndOnlyTheLastFour() {
        String key = "sk-ant-" + UUID.randomUUID();
        HttpResponse<String> page = admin.get("/admin/ai/keys?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Platform keys", "Not configured", "OpenAI-compatible server", "type=\"password\"");

        HttpResponse<String> privateUrl = admin.post("/admin/ai/keys/compatible", page, "api_key=&base_url=http%3A%2F%2F127.0.0.1%3A11434%2Fv1&model=llama3.2",
                PageSession.HTML);
        assertThat(privateUrl.statusCode()).isEqualTo(400);
        assertThat(privateUrl.body()).contains("base_url");
        assertThat(admin.post("/admin/ai/keys/anthropic", page, "api_key=" + key, PageSession.HTML).statusCode()).isEqualTo(302);

        HttpResponse<String> after = admin.get("/admin/ai/keys?lang=en");
        assertThat(after.body()).contains("Stored here", "Key ending in " + key.substring(key.length() - 4), "Remove stored key")
                .doesNotContain(key.substring(7));
        assertThat(admin.post("/admin/ai/keys/anthropic/remove", after, "", PageSession.HTML).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from ai_platform_keys").query(Integer.class).single()).isZero();
        assertThat(admin.post("/admin/ai/keys/anthropic/remove", after, "", PageSession.HTML).statusCode()).isEqualTo(404);
    }

    @Test
    void theUsagePageChartsTheDaysAndExplainsAnEmptyRange() {
        Users.Signed owner = users.signUpAndIn("ai-pages-owner");
        UUID org = UUID.fromString(json(new Http(port).withBearer(owner.token()).postJson("/api/v1/organizations", "{\"name\":\"Usage Page Studio\"}"))
                .get("id").asString());
        for (String at : new String[] {"2018-05-09T10:00:00+07:00", "2018-05-11T10:00:00+07:00", "2018-05-11T11:00:00+07:00"}) {
            jdbc.sql("""
                    insert into ai_usage_logs (organization_id, endpoint, provider, model, credits_used, cost_usd, status, created_at)
                    values (?, 'synopsis', 'openai', 'gpt-4.1-mini', 3, 0.0012, 'success', ?)""")
                    .params(org, Timestamp.from(OffsetDateTime.parse(at).toInstant())).update();
        }

        HttpResponse<String> page = admin.get("/admin/ai/usage?from=2018-05-09&to=2018-05-11&lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg", "Credits per day", "Usage Page Studio", "gpt-4.1-mini", "2018-05-09: 3", "2018-05-10: 0",
                "2018-05-11: 6", "$0.0036").doesNotContain("style=");
        assertThat(page.body().split("<rect", -1)).hasSize(7);

        HttpResponse<String> empty = admin.get("/admin/ai/usage?from=2017-01-01&to=2017-01-02&lang=id");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("Tidak ada pemakaian AI pada hari-hari ini").doesNotContain("<svg");
        assertThat(admin.get("/admin/ai/usage?from=kemarin").statusCode()).isEqualTo(400);
    }

    private UUID modelId(String model) {
        return jdbc.sql("select id from ai_models where model = ?").param(model).query(UUID.class).single();
    }
}

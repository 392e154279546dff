package id.modo.verse.invest;

import id.modo.verse.support.Http;
import id.modo.verse.support.Users;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** An organization with an owner, and campaigns taken through the API as a creator and a platform admin would. */
final class InvestFixtures {

    final Http http;
    final Http owner;
    final Http admin;
    final String orgId;
    final String ownerId;
    final Users.Signed ownerSigned;
    private final JdbcClient jdbc;

    InvestFixtures(int port, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.http = new Http(port);
        Users users = new Users(http);
        Users.Signed signedOwner = users.signUpAndIn("campaign-owner");
        this.ownerId = signedOwner.id();
        this.ownerSigned = signedOwner;
        this.owner = http.withBearer(signedOwner.token());
        Users.Signed signedAdmin = users.signUpAndIn("campaign-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(signedAdmin.id())).update();
        this.admin = http.withBearer(signedAdmin.token());
        HttpResponse<String> created = owner.postJson("/api/v1/organizations", "{\"name\":\"Campaign Studio\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        this.orgId = json(created).get("id").asString();
    }

    String campaigns() {
        return "/api/v1/organizations/" + orgId + "/campaigns";
    }

    /** A member of the organization in {@code role}, signed in. */
    Http member(String role) {
        Users.Signed signed = new Users(http).signUpAndIn("campaign-" + role);
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (?, ?, ?)")
                .params(UUID.fromString(orgId), UUID.fromString(signed.id()), role).update();
        return http.withBearer(signed.token());
    }

    Http stranger() {
        return http.withBearer(new Users(http).signUpAndIn("campaign-stranger").token());
    }

    static String endInDays(int days) {
        // Formatted with its seconds: toString() drops ":00", which is not an RFC 3339 date-time.
        return OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(days).format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"));
    }

    /** A draft ready to submit: goal, end date in 30 days, a story, funding type. */
    String draft(String title, String fundingType) {
        HttpResponse<String> created = owner.postJson(campaigns(), """
                {"title":"%s","tagline":"A fable for the screen","goal_amount":"10000000.00","funding_type":"%s",
                 "end_date":"%s","category":"animation","story":"## The pitch\\n\\nKancil crosses the river.",
                 "risks":"Animation takes *time*.","tags":["fable"]}""".formatted(title, fundingType, endInDays(30)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    String tier(String campaignId, String name, String min, String max, Integer limit) {
        HttpResponse<String> created = owner.postJson(campaigns() + "/" + campaignId + "/tiers", """
                {"name":"%s","min_amount":"%s"%s%s,"benefits":["Your name in the credits"]}""".formatted(name, min,
                max == null ? "" : ",\"max_amount\":\"" + max + "\"", limit == null ? "" : ",\"limit_quantity\":" + limit));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    /** A draft with one tier, submitted and approved: live. */
    String active(String title, String tierMin, String tierMax, Integer limit) {
        return active(title, "flexible", tierMin, tierMax, limit);
    }

    /** {@link #active(String, String, String, Integer)} with a funding type (the goal is 10,000,000). */
    String active(String title, String fundingType, String tierMin, String tierMax, Integer limit) {
        String campaign = draft(title, fundingType);
        tier(campaign, "Supporter", tierMin, tierMax, limit);
        HttpResponse<String> submitted = owner.call("POST", campaigns() + "/" + campaign + "/submit", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        HttpResponse<String> approved = admin.call("POST", "/api/v1/admin/campaigns/" + campaign + "/approve", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return campaign;
    }

    static HttpResponse<String> invest(Http as, String campaignId, String body, String key) {
        HttpRequest.Builder request = as.request("/api/v1/campaigns/" + campaignId + "/investments")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return as.send(request);
    }
}

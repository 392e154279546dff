package id.modo.verse.invest.revenue;

import id.modo.verse.support.Http;
import id.modo.verse.support.Users;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign launched through the API (draft, a revenue-share tier and a plain one, submitted, approved), backed by
 * signed-up investors. Confirming their investments and ending the campaign funded belong to the investing and
 * lifecycle flows, tested there: here they are written as those flows leave them.
 */
final class RevenueFixtures {

    final Http http;
    final Http owner;
    final Users.Signed ownerSigned;
    final String orgId;
    final String campaignId;
    final String shareTier;
    final String plainTier;
    private final JdbcClient jdbc;

    RevenueFixtures(int port, JdbcClient jdbc, String title) {
        this.jdbc = jdbc;
        this.http = new Http(port);
        Users users = new Users(http);
        this.ownerSigned = users.signUpAndIn("revenue-owner");
        this.owner = http.withBearer(ownerSigned.token());
        Users.Signed admin = users.signUpAndIn("revenue-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").param(UUID.fromString(admin.id())).update();
        HttpResponse<String> org = owner.postJson("/api/v1/organizations", "{\"name\":\"Revenue Studio\"}");
        assertThat(org.statusCode()).as(org.body()).isEqualTo(201);
        this.orgId = json(org).get("id").asString();
        String end = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(30).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"));
        HttpResponse<String> draft = owner.postJson(campaigns(), """
                {"title":"%s","goal_amount":"1000000.00","funding_type":"flexible","end_date":"%s","category":"animation",
                 "story":"## The pitch\\n\\nKancil crosses the river."}""".formatted(title.replace("\"", "\\\""), end));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        this.campaignId = json(draft).get("id").asString();
        this.shareTier = tier("Produser", "5.00");
        this.plainTier = tier("Teman", "0");
        HttpResponse<String> submitted = owner.call("POST", campaigns() + "/" + campaignId + "/submit", null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        HttpResponse<String> approved = http.withBearer(admin.token()).call("POST", "/api/v1/admin/campaigns/" + campaignId + "/approve", null);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }

    String campaigns() {
        return "/api/v1/organizations/" + orgId + "/campaigns";
    }

    String revenue() {
        return campaigns() + "/" + campaignId + "/revenue";
    }

    private String tier(String name, String revenueShare) {
        HttpResponse<String> created = owner.postJson(campaigns() + "/" + campaignId + "/tiers", """
                {"name":"%s","min_amount":"100000","max_amount":"100000000","revenue_share_percent":"%s"}""".formatted(name, revenueShare));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    /** A new investor, signed in. */
    Users.Signed investor(String prefix) {
        return new Users(http).signUpAndIn(prefix);
    }

    /** A confirmed investment, as a completed payment leaves it; its id. */
    UUID confirmed(Users.Signed investor, String tier, String amount) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into investments (id, campaign_id, user_id, tier_id, amount, currency, payment_status, status, net_amount,
                    payment_gateway, confirmed_at)
                values (?, ?, ?, ?, ?, 'IDR', 'completed', 'confirmed', ?, 'sandbox', ?)""")
                .params(id, UUID.fromString(campaignId), UUID.fromString(investor.id()), UUID.fromString(tier), new BigDecimal(amount),
                        new BigDecimal(amount), Timestamp.from(Instant.now()))
                .update();
        jdbc.sql("update campaigns set raised_amount = raised_amount + ? where id = ?")
                .params(new BigDecimal(amount), UUID.fromString(campaignId)).update();
        return id;
    }

    void status(String status) {
        jdbc.sql("update campaigns set status = ? where id = ?").params(status, UUID.fromString(campaignId)).update();
    }

    /** A member of the organization in {@code role}, signed in. */
    Http member(String role) {
        return http.withBearer(memberSigned(role).token());
    }

    Users.Signed memberSigned(String role) {
        Users.Signed signed = new Users(http).signUpAndIn("revenue-" + role);
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (?, ?, ?)")
                .params(UUID.fromString(orgId), UUID.fromString(signed.id()), role).update();
        return signed;
    }
}

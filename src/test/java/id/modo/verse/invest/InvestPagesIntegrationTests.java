package id.modo.verse.invest;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The invest pages: public explore and campaign, investing through the page, the creator's editor, the admins' queue. */
@IntegrationTest
class InvestPagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    InvestFixtures f;

    @BeforeEach
    void organization() {
        f = new InvestFixtures(port, jdbc);
    }

    @Test
    void exploreAndTheCampaignPageArePublicAndInvestingGoesToTheCheckout() {
        String campaign = f.active("Page <Kancil>", "100000", null, 2);
        HttpResponse<String> explore = f.http.get("/campaigns?sort=newest&category=animation", PageSession.HTML);
        assertThat(explore.statusCode()).isEqualTo(200);
        assertThat(explore.body()).contains("/campaigns/" + campaign).contains("Page &lt;Kancil&gt;");
        assertThat(f.http.get("/campaigns?lang=id", PageSession.HTML).body()).contains("Jelajahi kampanye");

        HttpResponse<String> page = f.http.get("/campaigns/" + campaign, PageSession.HTML);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h3>The pitch</h3>").contains("Sign in to invest").doesNotContain("name=\"amount\"");
        assertThat(f.http.get("/campaigns/" + f.draft("Hidden draft", "flexible"), PageSession.HTML).statusCode()).isEqualTo(404);
        assertThat(f.http.get("/campaigns/" + UUID.randomUUID(), PageSession.HTML).statusCode()).isEqualTo(404);

        PageSession fan = PageSession.signIn(f.http, new Users(f.http).signUpAndIn("page-fan"));
        HttpResponse<String> form = fan.get("/campaigns/" + campaign);
        assertThat(form.body()).contains("name=\"amount\"");
        String tier = json(f.http.get("/api/v1/campaigns/" + campaign, "application/json")).get("tiers").get(0).get("id").asString();
        HttpResponse<String> tooLittle = fan.post("/campaigns/" + campaign + "/invest", form, "tier_id=" + tier + "&amount=10", PageSession.HTML);
        assertThat(tooLittle.statusCode()).isEqualTo(400);
        assertThat(tooLittle.body()).contains("Check the amount").contains("must be at least 100000.00");
        HttpResponse<String> invested = fan.post("/campaigns/" + campaign + "/invest", form, "tier_id=" + tier + "&amount=150000", PageSession.HTML);
        assertThat(invested.statusCode()).isEqualTo(302);
        assertThat(invested.headers().firstValue("Location").orElseThrow()).contains("/payments/sandbox/");
        assertThat(fan.get("/investments").body()).contains("Page &lt;Kancil&gt;").contains("Waiting for payment");
        // Without the CSRF token the form is refused.
        assertThat(f.http.send(f.http.request("/campaigns/" + campaign + "/invest").header("Cookie", fan.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("tier_id=" + tier + "&amount=150000"))).statusCode()).isEqualTo(403);
    }

    @Test
    void theEditorShowsOnlyWhatTheRoleMayDoAndOtherOrganizationsGet404() {
        String campaign = f.draft("Editor draft", "flexible");
        Users users = new Users(f.http);
        Users.Signed ownerSigned = users.signUpAndIn("page-owner");
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (?::uuid, ?::uuid, 'owner')")
                .params(f.orgId, ownerSigned.id()).update();
        PageSession owner = PageSession.signIn(f.http, ownerSigned);
        String editorPath = "/organizations/" + f.orgId + "/campaigns/" + campaign;
        HttpResponse<String> editor = owner.get(editorPath);
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.body()).contains("Submit for review").contains("Add a tier").contains("name=\"goal_amount\"");

        HttpResponse<String> refused = owner.post(editorPath + "/submit", editor, "x=1", PageSession.HTML);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Add at least one tier.");
        HttpResponse<String> tier = owner.post(editorPath + "/tiers", editor, "name=Supporter&min_amount=50000&max_amount=&limit_quantity=", PageSession.HTML);
        assertThat(tier.statusCode()).as(tier.body()).isEqualTo(302);
        HttpResponse<String> saved = owner.post(editorPath, editor, "title=Editor+draft&tagline=&goal_amount=5000000&end_day="
                + java.time.LocalDate.now().plusDays(20) + "&funding_type=flexible&category=film&story=Once+upon&description=&risks=&challenges="
                + "&video_url=&poster_url=", PageSession.HTML);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(owner.post(editorPath + "/submit", editor, "x=1", PageSession.HTML).statusCode()).isEqualTo(302);
        assertThat(owner.get(editorPath).body()).contains("Under review").doesNotContain("Add a tier");

        Users.Signed viewerSigned = users.signUpAndIn("page-viewer");
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (?::uuid, ?::uuid, 'viewer')")
                .params(f.orgId, viewerSigned.id()).update();
        PageSession viewer = PageSession.signIn(f.http, viewerSigned);
        HttpResponse<String> read = viewer.get(editorPath);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("Submit for review").doesNotContain("Cancel campaign").doesNotContain("Start a draft");
        assertThat(viewer.get("/organizations/" + f.orgId + "/campaigns").body()).doesNotContain("Start a draft");
        assertThat(viewer.post(editorPath + "/cancel", viewer.get("/account"), "x=1", PageSession.HTML).statusCode()).isEqualTo(403);

        PageSession stranger = PageSession.signIn(f.http, users.signUpAndIn("page-stranger"));
        assertThat(stranger.get(editorPath).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/organizations/" + f.orgId + "/campaigns").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/admin/campaigns").statusCode()).isEqualTo(403);

        Users.Signed adminSigned = users.signUpAndIn("page-admin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?::uuid").param(adminSigned.id()).update();
        PageSession admin = PageSession.signIn(f.http, adminSigned);
        HttpResponse<String> queue = admin.get("/admin/campaigns");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Editor draft").contains("Once upon");
        HttpResponse<String> noReason = admin.post("/admin/campaigns/" + campaign + "/reject", queue, "reason=", PageSession.HTML);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(admin.post("/admin/campaigns/" + campaign + "/reject", queue, "reason=Add+risks", PageSession.HTML).statusCode())
                .isEqualTo(302);
        assertThat(owner.get(editorPath).body()).contains("Add risks").contains("Submit for review");
    }
}

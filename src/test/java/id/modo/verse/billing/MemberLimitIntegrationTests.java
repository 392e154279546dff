package id.modo.verse.billing;

import id.modo.verse.billing.BillingFixtures.Owner;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's member limit holds when inviting (members and open invitations count) and when accepting. */
@IntegrationTest
@Import(BillingTestClock.class)
class MemberLimitIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void theFreePlansThirdSeatIsTheLastAndTheFourthIs402SayingWhichLimitAndWhereToUpgrade() {
        Owner owner = new BillingFixtures(port, jdbc, context).ownerWithOrganization("limit");
        String invitations = "/api/v1/organizations/" + owner.org() + "/invitations";
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> invited = owner.http().postJson(invitations,
                    "{\"email\":\"" + Users.uniqueEmail("seat") + "\",\"role\":\"editor\"}");
            assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        }
        HttpResponse<String> refused = owner.http().postJson(invitations, "{\"email\":\"" + Users.uniqueEmail("seat") + "\",\"role\":\"editor\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(402);
        JsonNode problem = Http.json(refused);
        assertThat(problem.get("type").asString()).isEqualTo("https://modo.id/problems/plan-limit-reached");
        assertThat(problem.get("resource").asString()).isEqualTo("members");
        assertThat(problem.get("limit").asInt()).isEqualTo(3);
        assertThat(problem.get("used").asInt()).isEqualTo(3);
        assertThat(problem.get("current_plan").asString()).isEqualTo("free");
        assertThat(problem.get("plan").asString()).as("the first plan on offer with a fourth seat").isEqualTo("byok");
        assertThat(problem.get("upgrade_url").asString()).isEqualTo("/organizations/" + owner.org() + "/billing");
        assertThat(problem.get("detail").asString()).contains("Free", "BYOK", "/organizations/" + owner.org() + "/billing");

        // The page says the same beside the invitation form, not "That did not work".
        PageSession session = PageSession.signIn(new Http(port), owner.user());
        var page = session.get("/organizations/" + owner.org());
        var refusedPage = session.post("/organizations/" + owner.org() + "/invitations", page,
                "email=" + Users.uniqueEmail("seat") + "&role=editor", PageSession.HTML);
        assertThat(refusedPage.statusCode()).isEqualTo(402);
        String invite = refusedPage.body().substring(refusedPage.body().indexOf("id=\"invite-title\""));
        assertThat(invite.substring(0, invite.indexOf("</form>"))).contains("plan-limit", "Your Free plan allows 3 people", "has 3",
                "The Bring-your-own-key plan allows more", "href=\"/organizations/" + owner.org() + "/billing\"");
        assertThat(refusedPage.body()).doesNotContain("That did not work");
        assertThat(jdbc.sql("select count(*) from invitations where organization_id = cast(? as uuid)").param(owner.org())
                .query(Integer.class).single()).isEqualTo(2);

        // A bigger plan makes room.
        BillingFixtures.change(owner.http(), owner.org(), "starter", "monthly"); // the trial: starter allows 5
        assertThat(owner.http().postJson(invitations, "{\"email\":\"" + Users.uniqueEmail("seat") + "\",\"role\":\"editor\"}").statusCode())
                .isEqualTo(201);
    }
}

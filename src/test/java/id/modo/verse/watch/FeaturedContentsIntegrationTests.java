package id.modo.verse.watch;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Platform admins feature titles on the catalogue home; publishers cannot feature their own. */
@IntegrationTest
class FeaturedContentsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    StudioFixtures.Studio studio;
    Http http;
    Http admin;
    Users.Signed adminUser;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        studio = new StudioFixtures(http, jdbc).studio("featured");
        Users users = new Users(http);
        Users.Signed signed = users.signUpAndIn("featadmin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").params(UUID.fromString(signed.id())).update();
        adminUser = new Users.Signed(signed.email(), users.login(signed.email(), Users.PASSWORD), signed.id());
        admin = http.withBearer(adminUser.token());
    }

    @Test
    void adminsFeatureAPublishedTitleAndTheHomeShowsItsBanner() {
        String tag = "ft" + UUID.randomUUID().toString().substring(0, 6);
        String movie = movie("Kancil Banner " + tag);
        String featuredUrl = "/api/v1/admin/contents/" + movie + "/featured";

        // A draft cannot be announced on the home.
        var draft = admin.call("PUT", featuredUrl, "{\"featured\":true}");
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(409);
        assertThat(json(draft).get("type").asString()).endsWith("not-published");
        assertThat(featured(movie)).isFalse();

        publish(movie);
        var on = admin.call("PUT", featuredUrl, "{\"featured\":true}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(json(on).get("featured").asBoolean()).isTrue();
        assertThat(json(on).get("organization_name").asString()).isNotBlank();
        assertThat(admin.call("PUT", featuredUrl, "{\"featured\":true}").statusCode()).as("idempotent").isEqualTo(200);
        assertThat(json(admin.call("GET", "/api/v1/admin/contents/featured", null)).findValuesAsString("id")).contains(movie);
        // Newest published featured title is the banner; make this one the newest.
        jdbc.sql("update contents set published_at = now() + interval '1 hour' where id = cast(? as uuid)").param(movie).update();
        Users.Signed fan = new Users(http).signUpAndIn("featfan");
        assertThat(PageSession.signIn(http, fan).get("/watch").body()).contains("<strong class=\"watch-banner__title\">Kancil Banner " + tag + "</strong>");

        var off = admin.call("PUT", featuredUrl, "{\"featured\":false}");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(featured(movie)).isFalse();
        // Still a new release, but no longer the banner.
        assertThat(PageSession.signIn(http, fan).get("/watch").body()).contains("Kancil Banner " + tag)
                .doesNotContain("<strong class=\"watch-banner__title\">Kancil Banner " + tag + "</strong>");

        // Bad requests and missing titles.
        assertThat(admin.call("PUT", featuredUrl, "{}").statusCode()).isEqualTo(400);
        assertThat(admin.call("PUT", featuredUrl, "{\"featured\":\"maybe\"}").statusCode()).isEqualTo(400);
        assertThat(admin.call("PUT", "/api/v1/admin/contents/" + UUID.randomUUID() + "/featured", "{\"featured\":true}").statusCode())
                .isEqualTo(404);
        assertThat(admin.call("PUT", "/api/v1/admin/contents/not-a-uuid/featured", "{\"featured\":true}").statusCode()).isEqualTo(400);
    }

    @Test
    void anOrganizationCannotFeatureItself() {
        String tag = "fo" + UUID.randomUUID().toString().substring(0, 6);
        String base = "/api/v1/organizations/" + studio.organizationId() + "/contents";
        // The requests have no such field (the API document says so): sent anyway, it is ignored.
        Http owner = studio.asOwner().unchecked();
        var created = owner.postJson(base, "{\"title\":\"Self Promo " + tag + "\",\"type\":\"movie\",\"featured\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String movie = json(created).get("id").asString();
        assertThat(json(created).get("featured").asBoolean()).isFalse();
        assertThat(featured(movie)).isFalse();
        publish(movie);

        var patched = owner.call("PATCH", base + "/" + movie, "{\"featured\":true,\"title\":\"Self Promo " + tag + "!\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("featured").asBoolean()).isFalse();
        assertThat(featured(movie)).isFalse();

        // The admin API and page are the platform's: the owner is refused, and nothing changes.
        assertThat(studio.asOwner().call("PUT", "/api/v1/admin/contents/" + movie + "/featured", "{\"featured\":true}").statusCode())
                .isEqualTo(403);
        PageSession asOwner = PageSession.signIn(http, studio.owner());
        var ownerPage = asOwner.get("/admin/watch/featured");
        assertThat(ownerPage.statusCode()).isEqualTo(403);
        PageSession asAdmin = PageSession.signIn(http, adminUser);
        var adminPage = asAdmin.get("/admin/watch/featured");
        assertThat(asOwner.post("/admin/watch/featured/" + movie, adminPage, "featured=true", PageSession.HTML).statusCode()).isEqualTo(403);
        assertThat(featured(movie)).isFalse();

        // Once an admin features it, the publisher's later edits leave it featured.
        assertThat(admin.call("PUT", "/api/v1/admin/contents/" + movie + "/featured", "{\"featured\":true}").statusCode()).isEqualTo(200);
        var edited = owner.call("PATCH", base + "/" + movie, "{\"featured\":false,\"description\":\"Still here\"}");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).get("featured").asBoolean()).isTrue();
        assertThat(featured(movie)).isTrue();
    }

    @Test
    void theAdminPageFeaturesAndUnfeaturesTitles() {
        String tag = "fp" + UUID.randomUUID().toString().substring(0, 6);
        String movie = movie("Kancil Pick " + tag);
        publish(movie);
        String draft = movie("Kancil Draft " + tag);
        PageSession asAdmin = PageSession.signIn(http, adminUser);
        var page = asAdmin.get("/admin/watch/featured?q=" + tag);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kancil Pick " + tag).doesNotContain("Kancil Draft " + tag);

        var on = asAdmin.post("/admin/watch/featured/" + movie, page, "featured=true&q=" + tag, PageSession.HTML);
        assertThat(on.statusCode()).isEqualTo(302);
        assertThat(on.headers().firstValue("Location").orElseThrow()).contains("/admin/watch/featured?q=" + tag);
        assertThat(featured(movie)).isTrue();
        var after = asAdmin.get("/admin/watch/featured?q=" + tag);
        assertThat(after.body()).contains("Stop featuring Kancil Pick " + tag);

        var refused = asAdmin.post("/admin/watch/featured/" + draft, page, "featured=true", PageSession.HTML);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("error=not-published");
        assertThat(featured(draft)).isFalse();
        assertThat(asAdmin.get("/admin/watch/featured?error=not-published&lang=id").body())
                .contains("Hanya judul yang sudah terbit yang dapat diunggulkan.");

        assertThat(asAdmin.post("/admin/watch/featured/" + movie, after, "featured=false", PageSession.HTML).statusCode()).isEqualTo(302);
        assertThat(featured(movie)).isFalse();
    }

    private String movie(String title) {
        var created = studio.asOwner().postJson("/api/v1/organizations/" + studio.organizationId() + "/contents",
                "{\"title\":\"" + title + "\",\"type\":\"movie\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private void publish(String id) {
        jdbc.sql("update contents set status = 'published', published_at = now(), visibility = 'free' where id = cast(? as uuid)").param(id).update();
    }

    private boolean featured(String id) {
        return jdbc.sql("select featured from contents where id = cast(? as uuid)").param(id).query(Boolean.class).single();
    }
}

package id.modo.verse.watch;

import id.modo.verse.studio.StudioFixtures;
import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.PageSession;
import id.modo.verse.support.Users;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static id.modo.verse.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Categories (platform admins keep them, publishers tag their titles), trending ranks and the catalogue home's rows. */
@IntegrationTest
class CategoriesAndHomeIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Trending trending;
    StudioFixtures.Studio studio;
    Http http;
    Http admin;
    Users.Signed adminUser;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        studio = new StudioFixtures(http, jdbc).studio("categories");
        Users users = new Users(http);
        Users.Signed signed = users.signUpAndIn("catadmin");
        jdbc.sql("update users set platform_role = 'admin' where id = ?").params(UUID.fromString(signed.id())).update();
        adminUser = new Users.Signed(signed.email(), users.login(signed.email(), Users.PASSWORD), signed.id());
        admin = http.withBearer(adminUser.token());
    }

    @Test
    void adminsKeepCategoriesAndOthersMayNot() {
        String tag = "cat" + UUID.randomUUID().toString().substring(0, 6);
        var created = admin.postJson("/api/v1/admin/content-categories",
                "{\"name\":\"Dongeng " + tag + "\",\"display_order\":5,\"active\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        assertThat(json(created).get("slug").asString()).isEqualTo("dongeng-" + tag);
        var taken = admin.postJson("/api/v1/admin/content-categories", "{\"name\":\"Other\",\"slug\":\"dongeng-" + tag + "\",\"display_order\":1,\"active\":true}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(admin.postJson("/api/v1/admin/content-categories", "{\"name\":\"\",\"display_order\":1,\"active\":true}").statusCode()).isEqualTo(400);
        assertThat(admin.postJson("/api/v1/admin/content-categories", "{\"name\":\"X\",\"slug\":\"Bad Slug\",\"display_order\":1,\"active\":true}")
                .statusCode()).isEqualTo(400);
        assertThat(admin.postJson("/api/v1/admin/content-categories", "{\"name\":\"X\",\"display_order\":-1,\"active\":true}").statusCode())
                .isEqualTo(400);

        var changed = admin.call("PUT", "/api/v1/admin/content-categories/" + id,
                "{\"name\":\"Fabel " + tag + "\",\"slug\":\"fabel-" + tag + "\",\"display_order\":2,\"active\":false,\"icon\":\"paw\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("active").asBoolean()).isFalse();
        assertThat(json(admin.call("GET", "/api/v1/admin/content-categories", null)).findValuesAsString("slug")).contains("fabel-" + tag);
        Http fan = http.withBearer(new Users(http).signUpAndIn("catfan").token());
        assertThat(json(fan.call("GET", "/api/v1/content-categories", null)).findValuesAsString("slug")).doesNotContain("fabel-" + tag);

        // Not a platform admin: 403, whatever the call.
        assertThat(fan.call("GET", "/api/v1/admin/content-categories", null).statusCode()).isEqualTo(403);
        assertThat(studio.asOwner().postJson("/api/v1/admin/content-categories", "{\"name\":\"Mine\",\"display_order\":1,\"active\":true}")
                .statusCode()).isEqualTo(403);
        assertThat(fan.call("DELETE", "/api/v1/admin/content-categories/" + id, null).statusCode()).isEqualTo(403);

        assertThat(admin.call("DELETE", "/api/v1/admin/content-categories/" + id, null).statusCode()).isEqualTo(204);
        assertThat(admin.call("GET", "/api/v1/admin/content-categories/" + id, null).statusCode()).isEqualTo(404);
        assertThat(admin.call("PUT", "/api/v1/admin/content-categories/" + id, "{\"name\":\"Gone\",\"display_order\":1,\"active\":true}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void publishersTagTheirOwnTitlesAndTheHomeShowsActiveCategoryRowsTrendingAndTheBanner() {
        String tag = "row" + UUID.randomUUID().toString().substring(0, 6);
        String active = json(admin.postJson("/api/v1/admin/content-categories",
                "{\"name\":\"Petualangan " + tag + "\",\"display_order\":1,\"active\":true}")).get("id").asString();
        String hidden = json(admin.postJson("/api/v1/admin/content-categories",
                "{\"name\":\"Tersembunyi " + tag + "\",\"display_order\":2,\"active\":false}")).get("id").asString();
        String movie = publishedMovie("Kancil Row " + tag);
        String categories = "/api/v1/organizations/" + studio.organizationId() + "/contents/" + movie + "/categories";
        var tagged = studio.asOwner().call("PUT", categories, "{\"category_ids\":[\"" + active + "\",\"" + hidden + "\"]}");
        assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(200);
        assertThat(json(tagged).size()).isEqualTo(2);
        var unknown = studio.asOwner().call("PUT", categories, "{\"category_ids\":[\"" + UUID.randomUUID() + "\"]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("errors").get(0).get("field").asString()).isEqualTo("category_ids");
        assertThat(json(studio.asOwner().call("GET", categories, null)).size()).isEqualTo(2);

        // Another organization's title is 404 to this publisher, and this one's to another.
        StudioFixtures.Studio other = new StudioFixtures(http, jdbc).studio("othercat");
        assertThat(other.asOwner().call("PUT", "/api/v1/organizations/" + other.organizationId() + "/contents/" + movie + "/categories",
                "{\"category_ids\":[]}").statusCode()).isEqualTo(404);
        assertThat(other.asOwner().call("GET", categories, null).statusCode()).isEqualTo(404);
        Http fan = http.withBearer(new Users(http).signUpAndIn("rowfan").token());
        assertThat(fan.call("PUT", categories, "{\"category_ids\":[]}").statusCode()).isEqualTo(404);

        // Views of the last 7 days rank it; the banner shows a featured title.
        Users.Signed viewer = new Users(http).signUpAndIn("rowviewer");
        Http asViewer = http.withBearer(viewer.token());
        assertThat(asViewer.postJson("/api/v1/me/watch-history", "{\"content_id\":\"" + movie + "\",\"position_seconds\":1,\"duration_seconds\":100}")
                .statusCode()).isEqualTo(200);
        String stale = publishedMovie("Kancil Stale " + tag);
        jdbc.sql("insert into content_views (content_id, user_id, view_date) values (cast(? as uuid), cast(? as uuid), current_date - 10)")
                .params(stale, viewer.id()).update();
        jdbc.sql("update contents set featured = true, published_at = now() + interval '1 minute' where id = cast(? as uuid)").param(movie).update();
        trending.recompute();
        assertThat(rank(movie)).isPositive();
        assertThat(rank(stale)).as("a view 10 days old is not trending").isZero();

        var home = PageSession.signIn(http, viewer).get("/watch");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("watch-banner").contains("Petualangan " + tag).doesNotContain("Tersembunyi " + tag)
                .contains("Kancil Row " + tag);
        // The shared rows are rendered once per language: each language gets its own, and the page says how long it is.
        var indonesian = PageSession.signIn(http, viewer).get("/watch?lang=id");
        assertThat(indonesian.body()).contains("Sedang tren minggu ini", "Kancil Row " + tag).doesNotContain("Trending this week");
        assertThat(indonesian.headers().firstValueAsLong("Content-Length")).hasValue(indonesian.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(PageSession.signIn(http, viewer).get("/watch?lang=en").body()).contains("Trending this week").doesNotContain("Sedang tren");

        // Unpublished, it leaves every row.
        jdbc.sql("update contents set status = 'archived' where id = cast(? as uuid)").param(movie).update();
        assertThat(PageSession.signIn(http, viewer).get("/watch").body()).doesNotContain("Kancil Row " + tag);
    }

    @Test
    void theAdminPageKeepsCategoriesAndTheContentManagerTagsTitles() {
        String tag = "pg" + UUID.randomUUID().toString().substring(0, 6);
        PageSession asAdmin = PageSession.signIn(http, adminUser);
        var page = asAdmin.get("/admin/watch/categories");
        assertThat(page.statusCode()).isEqualTo(200);
        var added = asAdmin.post("/admin/watch/categories", page, "name=Horor+" + tag + "&display_order=3&active=true", PageSession.HTML);
        assertThat(added.statusCode()).isEqualTo(302);
        String id = jdbc.sql("select id::text from content_categories where name = ?").param("Horor " + tag).query(String.class).single();
        var refused = asAdmin.post("/admin/watch/categories", page, "name=&display_order=3", PageSession.HTML);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("error=form");
        assertThat(asAdmin.get("/admin/watch/categories").body()).contains("Horor " + tag);

        // Not a platform admin: the page and its forms are refused.
        Users.Signed owner = studio.owner();
        PageSession asOwner = PageSession.signIn(http, owner);
        assertThat(asOwner.get("/admin/watch/categories").statusCode()).isEqualTo(403);
        assertThat(asOwner.post("/admin/watch/categories/" + id + "/delete", page, "", PageSession.HTML).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from content_categories where id = cast(? as uuid)").param(id).query(Integer.class).single()).isEqualTo(1);

        String movie = publishedMovie("Kancil Tagged " + tag);
        String manage = "/studio/watch/" + studio.organizationId() + "/contents/" + movie;
        var manager = asOwner.get(manage);
        assertThat(manager.statusCode()).isEqualTo(200);
        assertThat(manager.body()).contains("Horor " + tag);
        assertThat(asOwner.post(manage + "/categories", manager, "category=" + id, PageSession.HTML).statusCode()).isEqualTo(302);
        assertThat(json(studio.asOwner().call("GET", "/api/v1/organizations/" + studio.organizationId() + "/contents/" + movie + "/categories", null))
                .findValuesAsString("id")).containsExactly(id);

        assertThat(asAdmin.post("/admin/watch/categories/" + id + "/delete", page, "", PageSession.HTML).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from content_category_items where category_id = cast(? as uuid)").param(id).query(Integer.class).single())
                .isZero();
    }

    /** The title's trending rank, 0 for none. */
    private int rank(String content) {
        return jdbc.sql("select coalesce(trending_rank, 0) from contents where id = cast(? as uuid)").param(content).query(Integer.class).single();
    }

    private String publishedMovie(String title) {
        var created = studio.asOwner().postJson("/api/v1/organizations/" + studio.organizationId() + "/contents",
                "{\"title\":\"" + title + "\",\"type\":\"movie\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asString();
        jdbc.sql("update contents set status = 'published', published_at = now(), visibility = 'free' where id = cast(? as uuid)").param(id).update();
        return id;
    }
}

package id.modo.verse.organization;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset paging of an organization's members (in the order they joined) and invitations (newest
 * first): every row exactly once and in order whatever the page size, also when many rows share
 * one timestamp; limits outside 1..100 and cursors the list did not hand out are 400.
 */
@IntegrationTest
class MemberAndInvitationPagingIntegrationTests {

    private static final String JSON = "application/json";
    private static final int MEMBERS = 150;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void pagesOfTwentyAndOfAHundredListEveryMemberOnceInTheOrderTheyJoined() {
        Users.Signed owner = new Users(http).signUpAndIn("paging-owner");
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Seratus Lima Puluh");
        // 149 more members; three at a time share one joined_at, so the order within a tie rests on user_id.
        jdbc.sql("""
                with added as (
                    insert into users (email, name)
                    select 'paging-' || gen_random_uuid() || '@example.id', 'Paged ' || n from generate_series(1, :count) n
                    returning id, name)
                insert into organization_members (organization_id, user_id, role, joined_at)
                select :org, id, 'viewer', now() + make_interval(secs => (substring(name from 7)::int / 3))
                from added""")
                .param("count", MEMBERS - 1)
                .param("org", java.util.UUID.fromString(org))
                .update();
        List<String> expected = jdbc.sql("select user_id::text from organization_members where organization_id = cast(? as uuid) order by joined_at, user_id")
                .param(org).query(String.class).list();
        assertThat(expected).hasSize(MEMBERS).first().isEqualTo(owner.id());

        for (int limit : new int[] {20, 100}) {
            List<JsonNode> pages = pages(asOwner, "/api/v1/organizations/" + org + "/members", limit);
            assertThat(pages).as("pages of " + limit).hasSize((MEMBERS + limit - 1) / limit);
            List<String> seen = new ArrayList<>();
            Instant previous = Instant.MIN;
            for (JsonNode page : pages) {
                assertThat(page.get("items").size()).isLessThanOrEqualTo(limit);
                for (JsonNode member : page.get("items")) {
                    seen.add(member.get("user_id").asString());
                    Instant joined = Instant.parse(member.get("joined_at").asString());
                    assertThat(joined).isAfterOrEqualTo(previous);
                    previous = joined;
                }
            }
            assertThat(seen).as("pages of " + limit).containsExactlyElementsOf(expected);
        }

        JsonNode firstPage = Http.json(asOwner.get("/api/v1/organizations/" + org + "/members", JSON));
        assertThat(firstPage.get("items").size()).as("default limit").isEqualTo(20);
        assertThat(firstPage.get("next_cursor").isString()).isTrue();
        assertThat(Http.json(asOwner.get("/api/v1/organizations/" + org + "/members?limit=100", JSON)).get("items").size()).isEqualTo(100);
    }

    @Test
    void invitationsPageNewestFirstWithTiesBrokenById() {
        Users.Signed owner = new Users(http).signUpAndIn("paging-inviter");
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Undangan Banyak");
        // 120 invitations, five at a time with the same created_at.
        jdbc.sql("""
                insert into invitations (organization_id, email, role, token, invited_by, expires_at, created_at)
                select :org, 'invitee-' || n || '-' || gen_random_uuid() || '@example.id', 'viewer', 'unknown-' || gen_random_uuid(), :owner,
                    now() + interval '7 days', now() - make_interval(secs => n / 5)
                from generate_series(1, 120) n""")
                .param("org", java.util.UUID.fromString(org))
                .param("owner", java.util.UUID.fromString(owner.id()))
                .update();
        List<String> expected = jdbc.sql("select id::text from invitations where organization_id = cast(? as uuid) order by created_at desc, id desc")
                .param(org).query(String.class).list();
        assertThat(expected).hasSize(120);

        for (int limit : new int[] {20, 100, 7}) {
            List<String> seen = new ArrayList<>();
            for (JsonNode page : pages(asOwner, "/api/v1/organizations/" + org + "/invitations", limit)) {
                page.get("items").forEach(invitation -> seen.add(invitation.get("id").asString()));
            }
            assertThat(seen).as("pages of " + limit).containsExactlyElementsOf(expected);
        }
        JsonNode firstPage = Http.json(asOwner.get("/api/v1/organizations/" + org + "/invitations", JSON));
        assertThat(firstPage.get("items").size()).as("default limit").isEqualTo(20);
        assertThat(firstPage.get("items").get(0).get("status").asString()).isEqualTo("pending");
        assertThat(firstPage.toString()).doesNotContain("unknown-").doesNotContain("token");
    }

    @Test
    void limitsOutsideOneToAHundredAndForeignCursorsAre400Problems() {
        Users.Signed owner = new Users(http).signUpAndIn("paging-limits");
        Http asOwner = http.withBearer(owner.token());
        String org = OrganizationFixtures.createOrganization(asOwner, "Studio Batas");
        OrganizationFixtures fixtures = new OrganizationFixtures(jdbc);
        for (int i = 0; i < 3; i++) {
            fixtures.addMember(org, fixtures.bareUser("paging-limit"), "viewer");
            fixtures.pendingInvitation(org, owner.id(), "viewer");
        }
        for (String list : List.of("members", "invitations")) {
            String path = "/api/v1/organizations/" + org + "/" + list;
            for (String limit : List.of("101", "0", "-1", "1000000", "abc", "2.5")) {
                var response = asOwner.get(path + "?limit=" + limit, JSON);
                assertThat(response.statusCode()).as(list + " limit=" + limit).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
                assertThat(response.body()).as(list + " limit=" + limit).contains("validation-failed").contains("limit");
            }
            String cursor = Http.json(asOwner.get(path + "?limit=2", JSON)).get("next_cursor").asString();
            assertThat(asOwner.get(path + "?limit=2&cursor=" + cursor, JSON).statusCode()).isEqualTo(200);
            Set<Integer> statuses = new HashSet<>();
            for (String bad : List.of(cursor.substring(1), cursor + "A", changeOneCharacter(cursor), "not-a-cursor", "%25%25", "AAAA", "====")) {
                var response = asOwner.get(path + "?cursor=" + bad, JSON);
                statuses.add(response.statusCode());
                assertThat(response.body()).as(list + " cursor=" + bad).contains("invalid-cursor");
            }
            assertThat(statuses).as(list).containsOnly(400);
            var tooLong = asOwner.get(path + "?cursor=" + "A".repeat(501), JSON);
            assertThat(tooLong.statusCode()).isEqualTo(400);
        }

        // An outsider learns nothing from a good cursor either: 404 as for any organization of others.
        Users.Signed outsider = new Users(http).signUpAndIn("paging-outsider");
        String cursor = Http.json(asOwner.get("/api/v1/organizations/" + org + "/members?limit=1", JSON)).get("next_cursor").asString();
        assertThat(http.withBearer(outsider.token()).get("/api/v1/organizations/" + org + "/members?cursor=" + cursor, JSON).statusCode())
                .isEqualTo(404);
    }

    /** Every page of a list from its start, following {@code next_cursor} until it is null. */
    private static List<JsonNode> pages(Http client, String path, int limit) {
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            var response = client.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), JSON);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = Http.json(response);
            pages.add(page);
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
            assertThat(pages).as("paging ends").hasSizeLessThan(200);
        } while (cursor != null);
        return pages;
    }

    /** A cursor with one character in its middle changed: still base64url, but not one the list made. */
    private static String changeOneCharacter(String cursor) {
        char middle = cursor.charAt(10);
        return cursor.substring(0, 10) + (middle == 'A' ? 'B' : 'A') + cursor.substring(11);
    }
}

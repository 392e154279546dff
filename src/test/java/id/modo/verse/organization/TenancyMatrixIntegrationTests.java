package id.modo.verse.organization;

import id.modo.verse.support.Http;
import id.modo.verse.support.IntegrationTest;
import id.modo.verse.support.Users;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call which organization-scoped endpoint: every such endpoint is one row of
 * {@link #ENDPOINTS} with the status each role gets. Outsiders, and members of another
 * organization, get the same 404 as for an organization that does not exist.
 * <p>
 * Adding an endpoint is adding a row. Placeholders in the path and body are filled per call:
 * {@code {orgId}} the organization (a fresh one with the same members when the row is
 * {@link Endpoint#freshOrganization()}), and whatever {@link #PLACEHOLDERS} knows how to make
 * ({@code {userId}} a fresh member, {@code {invitationId}} a fresh pending invitation,
 * {@code {email}} a fresh address); add an entry there when a new row needs a new kind of thing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyMatrixIntegrationTests {

    /** Expected statuses in the order owner, admin, editor, viewer, outsider. */
    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.of("GET", "/api/v1/organizations/{orgId}", null, 200, 200, 200, 200, 404),
            Endpoint.of("PATCH", "/api/v1/organizations/{orgId}", "{\"description\":\"Matrix\"}", 200, 200, 403, 403, 404),
            Endpoint.of("DELETE", "/api/v1/organizations/{orgId}", null, 204, 403, 403, 403, 404).freshOrganization(),
            Endpoint.of("GET", "/api/v1/organizations/{orgId}/members", null, 200, 200, 200, 200, 404),
            Endpoint.of("PATCH", "/api/v1/organizations/{orgId}/members/{userId}", "{\"role\":\"viewer\"}", 204, 204, 403, 403, 404),
            Endpoint.of("DELETE", "/api/v1/organizations/{orgId}/members/{userId}", null, 204, 204, 403, 403, 404),
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/transfer-ownership", "{\"user_id\":\"{userId}\"}", 204, 403, 403, 403, 404)
                    .freshOrganization(),
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/invitations", "{\"email\":\"{email}\",\"role\":\"editor\"}", 201, 201, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/organizations/{orgId}/invitations", null, 200, 200, 403, 403, 404),
            Endpoint.of("DELETE", "/api/v1/organizations/{orgId}/invitations/{invitationId}", null, 204, 204, 403, 403, 404),
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/invitations/{invitationId}/resend", null, 200, 200, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/organizations/{orgId}/audit-logs", null, 200, 200, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/organizations/{orgId}/subscription", null, 200, 200, 200, 200, 404),
            // Who may ask comes before what is asked: an unknown plan is 400 only to those who may change billing.
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/subscription", "{\"plan\":\"platinum\"}", 400, 400, 403, 403, 404),
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/subscription/cancel", null, 200, 200, 403, 403, 404).freshOrganization(),
            // Nothing set to cancel: 409 once the caller may ask at all.
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/subscription/resume", null, 409, 409, 403, 403, 404).freshOrganization(),
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/subscription/pause", null, 200, 200, 403, 403, 404).freshOrganization(),
            // Not paused: 409 once the caller may ask at all.
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/subscription/unpause", null, 409, 409, 403, 403, 404).freshOrganization(),
            Endpoint.of("GET", "/api/v1/organizations/{orgId}/invoices", null, 200, 200, 200, 200, 404),
            Endpoint.of("GET", "/api/v1/organizations/{orgId}/credits", null, 200, 200, 200, 200, 404),
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/credits/purchases", "{\"pack\":\"small\"}", 201, 201, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/organizations/{orgId}/credits/transactions", null, 200, 200, 200, 200, 404),
            // Studio projects: {projectId} is a fresh project of the organization made by its owner, visibility team.
            Endpoint.of("GET", "/api/v1/organizations/{orgId}/projects", null, 200, 200, 200, 200, 404),
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/projects", "{\"title\":\"Matrix project\"}", 201, 201, 201, 403, 404),
            Endpoint.of("GET", "/api/v1/organizations/{orgId}/projects/trash", null, 200, 200, 200, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectId}", null, 200, 200, 200, 200, 404),
            Endpoint.of("PATCH", "/api/v1/projects/{projectId}", "{\"description\":\"Matrix\"}", 200, 200, 403, 403, 404),
            Endpoint.of("DELETE", "/api/v1/projects/{projectId}", null, 204, 204, 403, 403, 404),
            Endpoint.of("POST", "/api/v1/projects/{trashedProjectId}/restore", null, 200, 200, 403, 403, 404),
            Endpoint.of("POST", "/api/v1/projects/{projectId}/status", "{\"status\":\"in_progress\"}", 200, 200, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectId}/collaborators", null, 200, 200, 200, 200, 404),
            Endpoint.of("POST", "/api/v1/projects/{projectId}/collaborators",
                    "{\"user_id\":\"{userId}\",\"role\":\"head_creative\",\"permissions\":[\"story\"]}", 201, 201, 403, 403, 404),
            Endpoint.of("PATCH", "/api/v1/projects/{projectId}/collaborators/{ownerId}", "{\"permissions\":[\"story\",\"team\"]}",
                    200, 200, 403, 403, 404),
            // The project's only producer stays: 409 once the caller may manage the team at all.
            Endpoint.of("DELETE", "/api/v1/projects/{projectId}/collaborators/{ownerId}", null, 409, 409, 403, 403, 404),
            // Characters and universe: {characterPath} is "{projectId}/characters/{id}" of a fresh character, {relationshipPath}
            // "{projectId}/characters/{id}/relationships/{otherId}" of a fresh relationship. Editors who are not collaborators
            // with the characters or universe section may read but not edit.
            Endpoint.of("GET", "/api/v1/projects/{projectId}/characters", null, 200, 200, 200, 200, 404),
            Endpoint.of("POST", "/api/v1/projects/{projectId}/characters", "{\"name\":\"Matrix\"}", 201, 201, 403, 403, 404),
            Endpoint.of("PUT", "/api/v1/projects/{projectId}/characters/order", "{\"character_ids\":[]}", 200, 200, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{characterPath}", null, 200, 200, 200, 200, 404),
            Endpoint.of("PATCH", "/api/v1/projects/{characterPath}", "{\"name\":\"M\",\"base_versions\":{\"profile\":1}}",
                    200, 200, 403, 403, 404),
            Endpoint.of("DELETE", "/api/v1/projects/{characterPath}", null, 204, 204, 403, 403, 404),
            Endpoint.of("DELETE", "/api/v1/projects/{characterPath}/image", null, 200, 200, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{characterPath}/relationships", null, 200, 200, 200, 200, 404),
            // A character of no project: 400 once the caller may edit at all.
            Endpoint.of("POST", "/api/v1/projects/{characterPath}/relationships",
                    "{\"character_id\":\"00000000-0000-4000-8000-000000000000\",\"relationship_type\":\"friend\"}", 400, 400, 403, 403, 404),
            Endpoint.of("DELETE", "/api/v1/projects/{relationshipPath}", null, 204, 204, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectId}/universe", null, 200, 200, 200, 200, 404),
            Endpoint.of("PATCH", "/api/v1/projects/{projectId}/universe", "{\"name\":\"Matrix\",\"base_versions\":{\"details\":0}}",
                    200, 200, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectId}/story", null, 200, 200, 200, 200, 404),
            Endpoint.of("PATCH", "/api/v1/projects/{projectId}/story", "{\"base_version\":0,\"premise\":\"Matrix\"}", 200, 200, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectId}/story/beats", null, 200, 200, 200, 200, 404),
            Endpoint.of("PUT", "/api/v1/projects/{projectId}/story/beats", "{\"base_version\":0,\"structure\":\"cat\"}", 200, 200, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectId}/story/want-need", null, 200, 200, 200, 200, 404),
            Endpoint.of("PUT", "/api/v1/projects/{projectId}/story/want-need",
                    "{\"base_version\":0,\"want\":{\"achieved\":true},\"need\":{\"achieved\":false}}", 200, 200, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectId}/versions", null, 200, 200, 200, 200, 404),
            // {storyVersion} is "<project>/versions/<its story details version>"; {storyDiff} compares that version with itself.
            Endpoint.of("GET", "/api/v1/projects/{storyVersion}", null, 200, 200, 200, 200, 404),
            Endpoint.of("GET", "/api/v1/projects/{storyDiff}", null, 200, 200, 200, 200, 404),
            Endpoint.of("POST", "/api/v1/projects/{storyVersion}/restore", null, 200, 200, 403, 403, 404),
            // media: who may upload is answered before what was sent (a JSON body is 415 only to those who may upload).
            Endpoint.of("POST", "/api/v1/organizations/{orgId}/assets", "{}", 415, 415, 415, 403, 404),
            Endpoint.of("GET", "/api/v1/organizations/{orgId}/assets", null, 200, 200, 200, 200, 404),
            Endpoint.of("GET", "/api/v1/assets/{assetId}", null, 200, 200, 200, 200, 404),
            Endpoint.of("DELETE", "/api/v1/assets/{assetId}", null, 204, 204, 204, 403, 404),
            Endpoint.of("POST", "/api/v1/assets/{assetId}/signed-url", null, 200, 200, 200, 200, 404),
            Endpoint.of("GET", "/api/v1/assets/{assetId}/signed-url", null, 200, 200, 200, 200, 404),
            // A project's files: {projectAssetPath} is "{projectId}/assets/{id}" of a fresh character picture; editors who are
            // not on the project's team may read it but not change it.
            Endpoint.of("POST", "/api/v1/projects/{projectId}/assets", "{}", 415, 415, 415, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectId}/assets", null, 200, 200, 200, 200, 404),
            Endpoint.of("DELETE", "/api/v1/projects/{projectAssetPath}", null, 204, 204, 403, 403, 404),
            Endpoint.of("POST", "/api/v1/projects/{projectAssetPath}/signed-url", null, 200, 200, 200, 200, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectAssetPath}/signed-url", null, 200, 200, 200, 200, 404),
            // The screenplay: every member reads a team project; editing needs the story section.
            Endpoint.of("GET", "/api/v1/projects/{projectId}/story/script", null, 200, 200, 200, 200, 404),
            Endpoint.of("PUT", "/api/v1/projects/{projectId}/story/script", "{\"script\":\"INT. MATRIX - DAY\",\"base_version\":0}",
                    200, 200, 403, 403, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectId}/story/script.pdf", null, 200, 200, 200, 200, 404),
            Endpoint.of("GET", "/api/v1/projects/{projectId}/story/script.fountain", null, 200, 200, 200, 200, 404),
            // Animatics: every member reads a team project's; rendering needs the story section (409: no moodboard pictures yet).
            Endpoint.of("GET", "/api/v1/projects/{projectId}/animatics", null, 200, 200, 200, 200, 404),
            Endpoint.of("POST", "/api/v1/projects/{projectId}/animatics", "{\"beat_index\":0}", 409, 409, 403, 403, 404));

    /** How each placeholder other than {@code {orgId}} is made for one call in an organization. */
    static final Map<String, BiFunction<Tenancy, String, String>> PLACEHOLDERS = Map.ofEntries(
            Map.entry("userId", (tenancy, org) -> tenancy.freshMember(org, "editor")),
            Map.entry("invitationId", (tenancy, org) -> tenancy.fixtures.pendingInvitation(org, tenancy.owner(org), "editor")),
            Map.entry("email", (tenancy, org) -> Users.uniqueEmail("matrix")),
            Map.entry("projectId", (tenancy, org) -> tenancy.project(org, false)),
            Map.entry("trashedProjectId", (tenancy, org) -> tenancy.project(org, true)),
            Map.entry("ownerId", (tenancy, org) -> tenancy.owner(org)),
            Map.entry("storyVersion", (tenancy, org) -> tenancy.storyVersion(org, false)),
            Map.entry("storyDiff", (tenancy, org) -> tenancy.storyVersion(org, true)),
            Map.entry("assetId", (tenancy, org) -> tenancy.fixtures.asset(org)),
            Map.entry("projectAssetPath", (tenancy, org) -> {
                String project = tenancy.project(org, false);
                return project + "/assets/" + tenancy.fixtures.asset(org, project, "character");
            }),
            Map.entry("characterPath", (tenancy, org) -> tenancy.character(org, false)),
            Map.entry("relationshipPath", (tenancy, org) -> tenancy.character(org, true)));

    enum Caller { OWNER, ADMIN, EDITOR, VIEWER, OUTSIDER }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Tenancy tenancy;

    @BeforeAll
    void organizations() {
        tenancy = new Tenancy(new Http(port), new OrganizationFixtures(jdbc));
    }

    @Test
    void everyRoleGetsItsStatusOnEveryEndpoint() {
        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                String org = endpoint.fresh() ? tenancy.freshOrganizationA() : tenancy.a;
                HttpResponse<String> response = tenancy.call(endpoint, tenancy.a(caller), org, org);
                int expected = endpoint.expected.get(caller);
                if (response.statusCode() != expected) {
                    mismatches.add(endpoint + " as " + caller + ": expected " + expected + " but got " + response.statusCode()
                            + " " + response.body());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void aMemberOfAnotherOrganizationLearnsNothingMoreThanForAnOrganizationThatDoesNotExist() {
        List<String> differences = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller role : List.of(Caller.OWNER, Caller.ADMIN, Caller.EDITOR, Caller.VIEWER)) {
                Http memberOfB = tenancy.b(role);
                String org = endpoint.fresh() ? tenancy.freshOrganizationA() : tenancy.a;
                HttpResponse<String> foreign = tenancy.call(endpoint, memberOfB, org, org);
                // The same call on an organization that does not exist (its other ids made in A).
                HttpResponse<String> missing = tenancy.call(endpoint, memberOfB, UUID.randomUUID().toString(), tenancy.a);
                if (foreign.statusCode() != 404 || missing.statusCode() != 404) {
                    differences.add(endpoint + " as B's " + role + ": " + foreign.statusCode() + " vs " + missing.statusCode());
                } else if (!withoutInstance(foreign).equals(withoutInstance(missing))) {
                    differences.add(endpoint + " as B's " + role + ": " + foreign.body() + " vs " + missing.body());
                }
                if (!foreign.headers().firstValue("Content-Type").equals(missing.headers().firstValue("Content-Type"))) {
                    differences.add(endpoint + " as B's " + role + ": content types differ");
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void theTableHasEveryOrganizationScopedEndpointOnce() {
        assertThat(ENDPOINTS.stream().map(e -> e.method + " " + e.path).toList()).doesNotHaveDuplicates();
        assertThat(ENDPOINTS).allSatisfy(e -> assertThat(e.expected).containsOnlyKeys(Caller.values()));
    }

    private static String withoutInstance(HttpResponse<String> response) {
        return response.body().replaceAll("\"instance\":\"[^\"]*\",?", "").replaceAll(",}", "}");
    }

    /** One endpoint: method, path template, body template (or null), expected status per caller. */
    record Endpoint(String method, String path, String body, Map<Caller, Integer> expected, boolean fresh) {

        static Endpoint of(String method, String path, String body, int owner, int admin, int editor, int viewer, int outsider) {
            Map<Caller, Integer> expected = new LinkedHashMap<>();
            expected.put(Caller.OWNER, owner);
            expected.put(Caller.ADMIN, admin);
            expected.put(Caller.EDITOR, editor);
            expected.put(Caller.VIEWER, viewer);
            expected.put(Caller.OUTSIDER, outsider);
            return new Endpoint(method, path, body, Map.copyOf(expected), false);
        }

        /** Each call gets its own organization (with the same members), for calls that delete or hand it over. */
        Endpoint freshOrganization() {
            return new Endpoint(method, path, body, expected, true);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Organizations A and B, each with a signed-in owner, admin, editor and viewer, and an outsider
     * who belongs to neither. The nine users sign up once for the whole class.
     */
    static final class Tenancy {

        private final Http http;
        final OrganizationFixtures fixtures;
        final String a;
        final String b;
        private final Map<Caller, Users.Signed> inA = new LinkedHashMap<>();
        private final Map<Caller, Users.Signed> inB = new LinkedHashMap<>();
        private final Users.Signed outsider;
        private final Map<String, String> owners = new LinkedHashMap<>();

        Tenancy(Http http, OrganizationFixtures fixtures) {
            this.http = http;
            this.fixtures = fixtures;
            Users users = new Users(http);
            for (Caller role : List.of(Caller.OWNER, Caller.ADMIN, Caller.EDITOR, Caller.VIEWER)) {
                inA.put(role, users.signUpAndIn("a-" + role.name().toLowerCase()));
                inB.put(role, users.signUpAndIn("b-" + role.name().toLowerCase()));
            }
            outsider = users.signUpAndIn("outsider");
            a = organization(inA, "Matrix A");
            b = organization(inB, "Matrix B");
        }

        String freshOrganizationA() {
            return organization(inA, "Matrix A fresh");
        }

        private String organization(Map<Caller, Users.Signed> members, String name) {
            Users.Signed owner = members.get(Caller.OWNER);
            String org = OrganizationFixtures.createOrganization(http.withBearer(owner.token()), name);
            for (Caller role : List.of(Caller.ADMIN, Caller.EDITOR, Caller.VIEWER)) {
                fixtures.addMember(org, members.get(role).id(), role.name().toLowerCase());
            }
            owners.put(org, owner.id());
            fixtures.unlimitedMembers(org);
            return org;
        }

        Http a(Caller caller) {
            return http.withBearer(caller == Caller.OUTSIDER ? outsider.token() : inA.get(caller).token());
        }

        Http b(Caller caller) {
            return http.withBearer(inB.get(caller).token());
        }

        String owner(String org) {
            return owners.get(org);
        }

        /** A project of the organization made by its owner through the API, visibility team; in the trash if {@code trashed}. */
        String project(String org, boolean trashed) {
            Http owner = http.withBearer(inA.get(Caller.OWNER).token());
            var created = owner.postJson("/api/v1/organizations/" + org + "/projects", "{\"title\":\"Matrix\",\"visibility\":\"team\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = Http.json(created).get("id").asString();
            if (trashed) {
                assertThat(owner.call("DELETE", "/api/v1/projects/" + id, null).statusCode()).isEqualTo(204);
            }
            return id;
        }

        /** A fresh project with a character, as "{projectId}/characters/{id}", and with a relationship to a second one. */
        String character(String org, boolean related) {
            Http owner = http.withBearer(inA.get(Caller.OWNER).token());
            String project = project(org, false);
            String base = "/api/v1/projects/" + project + "/characters";
            var created = owner.postJson(base, "{\"name\":\"Matrix\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = Http.json(created).get("id").asString();
            if (!related) {
                return project + "/characters/" + id;
            }
            String other = Http.json(owner.postJson(base, "{\"name\":\"Other\"}")).get("id").asString();
            var relation = owner.postJson(base + "/" + id + "/relationships", "{\"character_id\":\"" + other + "\",\"relationship_type\":\"ally\"}");
            assertThat(relation.statusCode()).as(relation.body()).isEqualTo(201);
            return project + "/characters/" + id + "/relationships/" + other;
        }

        /** "<project>/versions/<id>" of a fresh project's first story version, or its diff with itself. */
        String storyVersion(String org, boolean diff) {
            String project = project(org, false);
            Http owner = http.withBearer(inA.get(Caller.OWNER).token());
            var saved = owner.call("PATCH", "/api/v1/projects/" + project + "/story", "{\"base_version\":0,\"premise\":\"Matrix\"}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            String version = Http.json(owner.call("GET", "/api/v1/projects/" + project + "/versions", null)).get("items").get(0).get("id").asString();
            return diff ? project + "/versions/diff?from=" + version + "&to=" + version : project + "/versions/" + version;
        }

        String freshMember(String org, String role) {
            String user = fixtures.bareUser("matrix-member");
            fixtures.addMember(org, user, role);
            return user;
        }

        /** Calls the endpoint for {@code org}, with its other placeholders made fresh in {@code fixturesIn}. */
        HttpResponse<String> call(Endpoint endpoint, Http caller, String org, String fixturesIn) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("orgId", org);
            String path = fill(endpoint.path(), values, fixturesIn);
            String body = endpoint.body() == null ? null : fill(endpoint.body(), values, fixturesIn);
            return caller.call(endpoint.method(), path, body);
        }

        private String fill(String template, Map<String, String> values, String fixturesIn) {
            Matcher matcher = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String value = values.computeIfAbsent(name, key -> {
                    BiFunction<Tenancy, String, String> maker = PLACEHOLDERS.get(key);
                    if (maker == null) {
                        throw new IllegalArgumentException("No way to make {" + key + "}: add it to PLACEHOLDERS");
                    }
                    return maker.apply(this, fixturesIn);
                });
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            return matcher.appendTail(out).toString();
        }
    }
}

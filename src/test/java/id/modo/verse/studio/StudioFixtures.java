package id.modo.verse.studio;

import id.modo.verse.support.Http;
import id.modo.verse.support.Users;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Set-up shortcuts for Studio tests: an organization with its owner, on a plan without a project limit, and projects
 * made through the API as their creator would. Extra members are written in SQL (they only need to exist and sign in).
 */
public final class StudioFixtures {

    private final Http http;
    private final Users users;
    private final JdbcClient jdbc;

    public StudioFixtures(Http http, JdbcClient jdbc) {
        this.http = http;
        this.users = new Users(http);
        this.jdbc = jdbc;
    }

    /** An organization, its signed-in owner, on the enterprise plan (no project or member limit). */
    public record Studio(String organizationId, Users.Signed owner, Http asOwner) {
    }

    public Studio studio(String prefix) {
        Users.Signed owner = users.signUpAndIn(prefix);
        Http asOwner = http.withBearer(owner.token());
        var created = asOwner.postJson("/api/v1/organizations", "{\"name\":\"Studio " + prefix + " " + unique() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String organizationId = Http.json(created).get("id").asString();
        jdbc.sql("""
                insert into subscriptions (organization_id, plan, status) values (cast(? as uuid), 'enterprise', 'active')
                on conflict (organization_id) where status <> 'canceled' do update set plan = 'enterprise'""")
                .param(organizationId)
                .update();
        return new Studio(organizationId, owner, asOwner);
    }

    /** A new signed-in user who is a member of the organization with {@code role} (owner, admin, editor, viewer). */
    public Users.Signed member(Studio studio, String role) {
        Users.Signed member = users.signUpAndIn("member-" + role);
        jdbc.sql("insert into organization_members (organization_id, user_id, role) values (cast(? as uuid), cast(? as uuid), ?)")
                .params(studio.organizationId(), member.id(), role)
                .update();
        return member;
    }

    /** A project made by {@code creator} through the API; returns its id. */
    public String project(Http creator, String organizationId, String title, String visibility) {
        var created = creator.postJson("/api/v1/organizations/" + organizationId + "/projects",
                "{\"title\":\"" + title + "\",\"visibility\":\"" + visibility + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Http.json(created).get("id").asString();
    }

    /** Adds a member to a project's team as the owner would, with the given role and sections. */
    public void collaborator(Studio studio, String projectId, String userId, String role, String... sections) {
        String permissions = String.join(",", java.util.Arrays.stream(sections).map(s -> "\"" + s + "\"").toList());
        var added = studio.asOwner().postJson("/api/v1/projects/" + projectId + "/collaborators",
                "{\"user_id\":\"" + userId + "\",\"role\":\"" + role + "\",\"permissions\":[" + permissions + "]}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Uploads a small PNG of one colour to a picture endpoint ({@code path}) as {@code creator}, as a browser posts a file. */
    public void picture(Http creator, String path, java.awt.Color colour) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, 64, 64);
        graphics.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String boundary = "----studio" + UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"picture.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(png.toByteArray());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var uploaded = creator.send(creator.request(path).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
    }
}

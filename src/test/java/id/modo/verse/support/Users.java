package id.modo.verse.support;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs up and signs in fresh users through the API, each with a unique email. */
public final class Users {

    public static final String PASSWORD = "Batik-Merah-Putih-2026";

    private final Http http;

    public Users(Http http) {
        this.http = http;
    }

    public record Signed(String email, String token, String id) {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.id";
    }

    public String register(String email, String name) {
        var response = http.postJson("/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"" + name + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("id").asString();
    }

    public String login(String email, String password) {
        var response = http.postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response).get("token").asString();
    }

    public Signed signUpAndIn(String prefix) {
        String email = uniqueEmail(prefix);
        String id = register(email, "Test " + prefix);
        return new Signed(email, login(email, PASSWORD), id);
    }

    public static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }
}

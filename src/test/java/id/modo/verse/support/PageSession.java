package id.modo.verse.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser's session for page tests: signs in through the sign-in form and posts forms with the
 * CSRF token of the page they came from, as a browser does.
 */
public final class PageSession {

    public static final String HTML = "text/html";

    private final Http http;
    private final String cookie;

    private PageSession(Http http, String cookie) {
        this.http = http;
        this.cookie = cookie;
    }

    public static PageSession signIn(Http http, Users.Signed user) {
        var form = http.get("/signin", HTML);
        String csrfCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        var signIn = http.send(http.request("/signin").header("Accept", HTML).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("email=" + user.email() + "&password=" + Users.PASSWORD + "&_csrf=" + csrf(form))));
        assertThat(signIn.statusCode()).isEqualTo(302);
        String session = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("MODO_SESSION=")).findFirst().orElseThrow();
        return new PageSession(http, session.substring(0, session.indexOf(';')));
    }

    /** The session cookie, {@code MODO_SESSION=…}. */
    public String cookie() {
        return cookie;
    }

    public HttpResponse<String> get(String path) {
        return http.send(http.request(path).header("Accept", HTML).header("Cookie", cookie).GET());
    }

    /** Posts a form body to {@code path} with the CSRF token of {@code formPage}, accepting {@code accept}. */
    public HttpResponse<String> post(String path, HttpResponse<String> formPage, String body, String accept) {
        String csrfCookie = formPage.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
                .map(c -> "; " + c.substring(0, c.indexOf(';'))).orElse("");
        return http.send(http.request(path).header("Accept", accept).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie + csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString(body + "&_csrf=" + csrf(formPage))));
    }

    private static String csrf(HttpResponse<String> page) {
        return page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }
}

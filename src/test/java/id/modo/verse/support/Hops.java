package id.modo.verse.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A browser's requests one redirect at a time (never followed by themselves), for flows that hop
 * between the app and another server, such as OAuth sign-in, so that each hop can be checked.
 */
public final class Hops {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Hops() {
    }

    /** GET of an absolute URL as a browser asks for a page, with a {@code Cookie} header when {@code cookie} is not null. */
    public static HttpResponse<String> get(String url, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Accept", HTML).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where a redirect points, or an empty string. */
    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** The "name=value" part of the cookie {@code name} the response sets. */
    public static String cookie(HttpResponse<?> response, String name) {
        String header = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
        return header.substring(0, header.indexOf(';'));
    }
}

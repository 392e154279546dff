package id.modo.verse.common;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The platform-wide settings under {@code modo.*}; each business module adds its own record
 * under {@code modo.<module>.*} when it gets settings.
 */
@Validated
@ConfigurationProperties("modo")
public record ModoProperties(
        @NotNull Environment env,
        @NotNull Path dataDir,
        @NotNull @Pattern(regexp = PUBLIC_URL, message = "must be an absolute http(s) URL without a trailing slash, such as https://modo.example")
        String publicUrl,
        @Valid @NotNull Db db,
        @Valid @NotNull Web web,
        @Valid @NotNull Events events) {

    /** http(s), a host (with an optional port), an optional path not ending in '/', no query or fragment. */
    static final String PUBLIC_URL = "^https?://[A-Za-z0-9.\\[\\]:-]+(?:/[^\\s?#]*[^\\s?#/])?$";

    public enum Environment { DEVELOPMENT, TEST, PRODUCTION }

    /**
     * An absolute link to a path of this app as people reach it ({@code modo.public-url}), for mails
     * and anything else read outside a request: {@code link("/invitations/accept?token=abc")}.
     */
    public URI link(String pathAndQuery) {
        if (pathAndQuery == null || !pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("A link's path starts with '/'");
        }
        return URI.create(publicUrl + pathAndQuery);
    }

    /**
     * Where the data lives. A blank {@code url} starts the embedded PostgreSQL under
     * {@code data-dir}; a set one connects to that server instead.
     */
    public record Db(
            @Pattern(regexp = "^$|^jdbc:postgresql://.+", message = "must be empty or a jdbc:postgresql:// URL") @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            @Min(0) @Max(65535) int embeddedPort,
            @Min(1) @Max(200) int poolSize) {

        public boolean external() {
            return StringUtils.hasText(url);
        }

        @Override
        public String toString() {
            // The password must never reach a log line or an error page.
            return "Db[url=" + url + ", user=" + user + ", embeddedPort=" + embeddedPort + ", poolSize=" + poolSize + "]";
        }
    }

    public record Web(
            @NotNull DataSize maxBodySize,
            @NotNull Locale defaultLocale,
            @NotNull ZoneId defaultTimeZone,
            @NotNull Currency defaultCurrency,
            java.util.List<String> trustedProxies) {

        public Web {
            trustedProxies = trustedProxies == null ? java.util.List.of()
                    : trustedProxies.stream().map(String::strip).filter(proxy -> !proxy.isEmpty()).toList();
            if (maxBodySize != null && maxBodySize.toBytes() <= 0) {
                throw new IllegalArgumentException("modo.web.max-body-size must be positive, was " + maxBodySize);
            }
            if (defaultLocale != null && !SUPPORTED_LANGUAGES.contains(defaultLocale.getLanguage())) {
                throw new IllegalArgumentException(
                        "modo.web.default-locale must be one of " + SUPPORTED_LANGUAGES + ", was '" + defaultLocale + "'");
            }
        }
    }

    /** The languages the pages are translated into; the first is the fallback. */
    public static final java.util.List<String> SUPPORTED_LANGUAGES = java.util.List.of("en", "id");

    public record Events(@NotNull Duration retention, @NotNull Duration cleanupInterval) {

        public Events {
            if (retention != null && (retention.isNegative() || retention.isZero())) {
                throw new IllegalArgumentException("modo.events.retention must be positive, was " + retention);
            }
            if (cleanupInterval != null && cleanupInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("modo.events.cleanup-interval must be at least 1s, was " + cleanupInterval);
            }
        }
    }
}

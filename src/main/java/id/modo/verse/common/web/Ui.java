package id.modo.verse.common.web;

import gg.jte.support.LocalizationSupport;
import id.modo.verse.common.Formats;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * What every page template gets as {@code ui}: translated text ({@code @ui.localize("key")} or
 * {@code ui.t("key")}), formatting in the visitor's language, time zone and currency, the
 * versioned URL of a static asset, and the request facts the layout needs.
 */
public final class Ui implements LocalizationSupport {

    private final MessageSource messages;
    private final ResourceUrlProvider assets;
    private final Memo memo;
    private final Locale locale;
    private final ZoneId zone;
    private final Currency currency;
    private final String path;
    private final String query;
    private final CsrfToken csrf;
    private final java.security.Principal user;
    private final boolean platformAdmin;

    Ui(MessageSource messages, ResourceUrlProvider assets, Memo memo, Locale locale, ZoneId zone, Currency currency, String path,
            String query, CsrfToken csrf, java.security.Principal user, boolean platformAdmin) {
        this.messages = messages;
        this.assets = assets;
        this.memo = memo;
        this.locale = locale;
        this.zone = zone;
        this.currency = currency;
        this.path = path;
        this.query = query == null ? "" : query;
        this.csrf = csrf;
        this.user = user;
        this.platformAdmin = user != null && platformAdmin;
    }

    @Override
    public String lookup(String key) {
        return memo.text(key, locale, () -> messages.getMessage(key, null, key, locale));
    }

    /** Translated text with {0}-style arguments. */
    public String t(String key, Object... args) {
        return args.length == 0 ? lookup(key) : messages.getMessage(key, args, key, locale);
    }

    /** Whether someone is signed in on this page. */
    public boolean signedIn() {
        return user != null;
    }

    /** Whether the signed-in person is a platform admin (holds {@code ROLE_ADMIN}), who sees the admin area. */
    public boolean platformAdmin() {
        return platformAdmin;
    }

    /** The signed-in person's display name, or an empty string. */
    public String userName() {
        return user == null ? "" : user.getName();
    }

    public String lang() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public String path() {
        return path;
    }

    /** The current page, with its other query parameters, in another language. */
    public String langUrl(String language) {
        String others = java.util.Arrays.stream(query.split("&"))
                .filter(part -> !part.isEmpty() && !part.startsWith("lang=") && !part.equals("lang"))
                .collect(java.util.stream.Collectors.joining("&"));
        return path + "?" + (others.isEmpty() ? "" : others + "&") + "lang=" + language;
    }

    /** Whether the navigation entry for {@code section} (e.g. "/watch") is the current one. */
    public boolean current(String section) {
        return section.equals("/") ? path.equals("/") : path.equals(section) || path.startsWith(section + "/");
    }

    /** Whether this page is the first one after sign-up, which says to look for the verification mail. */
    public boolean welcome() {
        return java.util.Arrays.asList(query.split("&")).contains("welcome");
    }

    /** The content-hashed URL of a static file, so it can be cached for long. */
    public String asset(String file) {
        return memo.asset(file, () -> {
            String url = assets.getForLookupPath(file);
            return url == null ? file : url;
        });
    }

    public String money(BigDecimal amount) {
        return Formats.money(amount, currency, locale);
    }

    public String money(BigDecimal amount, String currencyCode) {
        return Formats.money(amount, Currency.getInstance(currencyCode), locale);
    }

    public String number(long value) {
        return Formats.number(value, locale);
    }

    public String date(Instant instant) {
        return Formats.date(instant, zone, locale);
    }

    public String dateTime(Instant instant) {
        return Formats.dateTime(instant, zone, locale);
    }

    /** The form field name for the CSRF token; read only by forms, so API requests never create a session. */
    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    /**
     * Texts without arguments and asset URLs as looked up before, shared by every page of this app: a page with a hundred
     * tiles asks for the same few texts hundreds of times, and each lookup through the message source and the resource
     * chain cost more than the rest of the tile (bench/README.md, Watch). Neither changes while the app runs. Bounded, so
     * a key made from data cannot grow it without end: past the bound, lookups are simply not kept.
     */
    static final class Memo {

        static final int MAX_ENTRIES = 20_000;

        private final ConcurrentHashMap<Locale, ConcurrentHashMap<String, String>> texts =
                new ConcurrentHashMap<>();
        private final ConcurrentHashMap<String, String> assets = new ConcurrentHashMap<>();

        String text(String key, Locale locale, Supplier<String> lookup) {
            return kept(texts.computeIfAbsent(locale, l -> new ConcurrentHashMap<>()), key, lookup);
        }

        String asset(String file, Supplier<String> lookup) {
            return kept(assets, file, lookup);
        }

        private static String kept(Map<String, String> map, String key, Supplier<String> lookup) {
            String known = map.get(key);
            if (known != null) {
                return known;
            }
            String found = lookup.get();
            if (map.size() < MAX_ENTRIES) {
                map.put(key, found);
            }
            return found;
        }
    }
}

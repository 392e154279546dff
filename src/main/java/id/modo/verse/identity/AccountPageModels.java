package id.modo.verse.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the account pages' templates render; public only because precompiled templates live in another package. */
public final class AccountPageModels {

    private AccountPageModels() {
    }

    public record SignInForm(String email, String next, String error, long minutes, String notice) {
        public static SignInForm empty(String next) {
            return new SignInForm("", next, null, 0, null);
        }

        /** {@code ?next=…} for the links that leave the page (sign up, a provider), so they come back to the same place. */
        public String nextQuery() {
            return AccountPageModels.nextQuery(next);
        }
    }

    static String nextQuery(String next) {
        return next == null || next.equals("/dashboard") ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** The forgot-password form: after sending, the same answer whether or not the email has an account. */
    public record ResetForm(String email, String error, boolean sent) {
    }

    public record NewPasswordForm(String token, String error) {

        /** A dead link offers no password field: only asking for a new link can help. */
        public boolean linkBroken() {
            return "reset.error.link".equals(error);
        }
    }

    /** A one-message page: a title and a text (message keys), good news or bad. */
    public record Notice(String title, String text, boolean success) {
    }

    public record SignUpForm(String name, String email, String next, Map<String, String> errors) {

        public String nextQuery() {
            return AccountPageModels.nextQuery(next);
        }
    }

    public record AccountPage(Accounts.Account account, ProfileForm profile, List<SessionRow> sessions, String saved,
            Map<String, String> errors) {
    }

    /** What the profile form shows: the account's values, or what was posted when it was refused. */
    public record ProfileForm(String name, String username, String bio, String timeZone) {

        static ProfileForm of(Accounts.Account account) {
            Object timeZone = account.preferences().get("time_zone");
            return new ProfileForm(account.name(), orEmpty(account.username()), orEmpty(account.bio()),
                    timeZone == null ? "" : timeZone.toString());
        }

        static ProfileForm posted(MeApiController.ProfileRequest form) {
            return new ProfileForm(orEmpty(form.name()), orEmpty(form.username()), orEmpty(form.bio()), orEmpty(form.timeZone()));
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    public record SessionRow(UUID id, boolean current, String client, String ipAddress, String userAgent, Instant lastActiveAt) {

        /** The browser and system, e.g. "Chrome 131 · Windows"; null when the agent says nothing. */
        public String device() {
            return UserAgents.describe(userAgent);
        }

        /** Where from: "localhost" for this machine, else the address. */
        public String place() {
            return UserAgents.address(ipAddress);
        }
    }
}

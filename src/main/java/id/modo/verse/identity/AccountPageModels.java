package id.modo.verse.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the account pages' templates render; public only because precompiled templates live in another package. */
public final class AccountPageModels {

    private AccountPageModels() {
    }

    public record SignInForm(String email, String next, String error, long minutes) {
        public static SignInForm empty(String next) {
            return new SignInForm("", next, null, 0);
        }
    }

    public record SignUpForm(String name, String email, Map<String, String> errors) {
        public static SignUpForm empty() {
            return new SignUpForm("", "", Map.of());
        }
    }

    public record AccountPage(Accounts.Account account, List<SessionRow> sessions, boolean welcome, String saved,
            Map<String, String> errors) {
    }

    public record SessionRow(UUID id, boolean current, String client, String ipAddress, String userAgent, Instant lastActiveAt) {
    }
}

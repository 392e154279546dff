package id.modo.verse.platform;

import id.modo.verse.common.OutboxMail;
import id.modo.verse.identity.Accounts;
import java.util.List;

/** What the admin pages' templates render; public only because precompiled templates live in another package. */
public final class AdminPageModels {

    private AdminPageModels() {
    }

    /**
     * The users page: one page of accounts for the search {@code q} and {@code status} (empty for
     * any), the link to the next page, and what was just done ({@code notice}) or refused
     * ({@code error}) as message keys with the account's name.
     */
    public record UsersPage(List<Accounts.Account> users, String q, String status, List<String> statuses, String nextUrl,
            String firstUrl, String notice, String error, String subject) {
    }

    public record MailPage(List<OutboxMail> mails, String nextUrl, boolean firstPage) {
    }

    public record MailMessagePage(OutboxMail mail) {
    }
}

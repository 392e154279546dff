package id.modo.verse.platform;

import id.modo.verse.common.MailOutbox;
import id.modo.verse.common.OutboxMail;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.Accounts;
import id.modo.verse.identity.CurrentUser;
import id.modo.verse.identity.UserAdministration;
import id.modo.verse.identity.UserId;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin console for platform admins (every path requires ROLE_ADMIN): accounts with search,
 * suspend and restore, and the mail outbox. The same facades as the admin API.
 */
@Controller
class AdminPagesController {

    static final int PAGE_SIZE = 20;

    private final UserAdministration administration;
    private final MailOutbox outbox;

    AdminPagesController(UserAdministration administration, MailOutbox outbox) {
        this.administration = administration;
        this.outbox = outbox;
    }

    @GetMapping("/admin")
    String users(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String done,
            @RequestParam(required = false) String error, @RequestParam(required = false) UUID user,
            HttpServletResponse response, Model model) {
        String query = q.length() > 255 ? q.substring(0, 255) : q.strip();
        String filter = UserAdministration.STATUSES.contains(status) ? status : "";
        Page<Accounts.Account> page;
        String problem = error == null ? null : "admin.users.error." + switch (error) {
            case "self", "superadmin", "deleted" -> error;
            default -> "generic";
        };
        try {
            page = administration.search(query, filter, PAGE_SIZE, cursor);
        } catch (ProblemException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            page = administration.search(query, filter, PAGE_SIZE, null);
            cursor = null;
            problem = "admin.users.error.cursor";
        }
        String subject = user == null ? "" : administration.find(UserId.of(user)).map(AdminPagesController::displayName).orElse("");
        String notice = done == null ? null : switch (done) {
            case "suspended", "restored" -> "admin.users.done." + done;
            default -> null;
        };
        String next = page.nextCursor() == null ? null : "/admin" + query(Map.of("q", query, "status", filter, "cursor", page.nextCursor()));
        String first = cursor == null || cursor.isBlank() ? null : "/admin" + query(Map.of("q", query, "status", filter));
        model.addAttribute("page", new AdminPageModels.UsersPage(page.items(), query, filter, UserAdministration.STATUSES, next,
                first, notice, problem, subject));
        return "platform/admin-users";
    }

    @PostMapping("/admin/users/{userId}/suspend")
    String suspend(@AuthenticationPrincipal CurrentUser admin, @PathVariable UserId userId, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String status) {
        return change(() -> administration.suspend(admin, userId), "suspended", userId.value(), q, status);
    }

    @PostMapping("/admin/users/{userId}/restore")
    String restore(@AuthenticationPrincipal CurrentUser admin, @PathVariable UserId userId, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String status) {
        return change(() -> administration.restore(admin, userId), "restored", userId.value(), q, status);
    }

    @GetMapping("/admin/mail")
    String mail(@RequestParam(required = false) String cursor, HttpServletResponse response, Model model) {
        Page<OutboxMail> page;
        try {
            page = outbox.newest(PAGE_SIZE, cursor);
        } catch (ProblemException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            page = outbox.newest(PAGE_SIZE, null);
            cursor = null;
        }
        String next = page.nextCursor() == null ? null : "/admin/mail" + query(Map.of("cursor", page.nextCursor()));
        model.addAttribute("page", new AdminPageModels.MailPage(page.items(), next, cursor == null || cursor.isBlank()));
        return "platform/admin-mail";
    }

    @GetMapping("/admin/mail/{mailId}")
    String mailMessage(@PathVariable UUID mailId, Model model) {
        model.addAttribute("page", new AdminPageModels.MailMessagePage(outbox.find(mailId)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such mail."))));
        return "platform/admin-mail-message";
    }

    private String change(Runnable action, String done, UUID userId, String q, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("status", status);
        params.put("user", userId.toString());
        try {
            action.run();
            params.put("done", done);
        } catch (ProblemException e) {
            if (e.type() == ProblemType.NOT_FOUND) {
                throw e;
            }
            params.put("error", switch (e.type().slug()) {
                case "cannot-suspend-self" -> "self";
                case "forbidden" -> "superadmin";
                case "account-deleted" -> "deleted";
                default -> "generic";
            });
        }
        return "redirect:/admin" + query(params);
    }

    private static String displayName(Accounts.Account account) {
        return account.name() == null || account.name().isBlank() ? account.email() : account.name();
    }

    /** A query string of the non-empty parameters, in a stable order. */
    private static String query(Map<String, String> params) {
        String joined = new java.util.TreeMap<>(params).entrySet().stream()
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }
}

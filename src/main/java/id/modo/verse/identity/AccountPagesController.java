package id.modo.verse.identity;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.TooManyRequestsException;
import id.modo.verse.common.web.ClientInfo;
import id.modo.verse.common.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up, sign-in, sign-out and the account page. Pages carry the session in an HttpOnly
 * cookie holding the same kind of token the API gets, resolving to the same sessions rows.
 */
@Controller
class AccountPagesController {

    private final Accounts accounts;
    private final SignIn signIn;
    private final IdentityProperties identity;
    private final ModoProperties modo;
    private final List<AccountDeletionGuard> deletionGuards;
    private final OAuthProperties oauth;
    private final List<PendingInvitationHint> invitationHints;

    /** Why an OAuth2 sign-in was refused, as sent back to /signin, to the message shown. */
    private static final Map<String, String> OAUTH_ERRORS = Map.of(
            "unverified_email", "signin.oauth.error.unverified_email",
            "no_email", "signin.oauth.error.no_email",
            "linked_elsewhere", "signin.oauth.error.linked_elsewhere",
            "suspended", "signin.error.suspended",
            "failed", "signin.oauth.error.failed");

    /** The message each profile field shows when its constraint in {@link MeApiController.ProfileRequest} refuses it. */
    private static final Map<String, String> PROFILE_ERRORS = Map.of(
            "name", "signup.error.name",
            "username", "account.error.username",
            "bio", "account.error.bio",
            "language", "account.error.language",
            "time_zone", "account.error.time_zone");

    private static final Map<String, String> PASSWORD_ERRORS = Map.of(
            "current_password", "account.error.current_password",
            "new_password", "signup.error.password");

    private static final Map<String, String> SIGN_UP_ERRORS = Map.of(
            "name", "signup.error.name",
            "email", "signup.error.email",
            "password", "signup.error.password");

    AccountPagesController(Accounts accounts, SignIn signIn, IdentityProperties identity, ModoProperties modo,
            List<AccountDeletionGuard> deletionGuards, OAuthProperties oauth, List<PendingInvitationHint> invitationHints) {
        this.oauth = oauth;
        this.invitationHints = invitationHints;
        this.accounts = accounts;
        this.signIn = signIn;
        this.identity = identity;
        this.modo = modo;
        this.deletionGuards = deletionGuards;
    }

    @PostMapping("/account/delete")
    String deleteAccount(@AuthenticationPrincipal CurrentUser caller, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            accounts.deleteAccount(caller, password, deletionGuards);
        } catch (ProblemException e) {
            response.setStatus(e.type().status().value());
            // The guard that refuses is another module's (organization's last-owner rule), which identity cannot name.
            String key = e.type().slug().equals("last-owner") ? "account.error.last_owner" : "account.error.delete_password";
            model.addAttribute("page", accountPage(caller, null, null, Map.of("delete", key)));
            return "identity/account";
        }
        setSessionCookie(request, response, "", Duration.ZERO);
        return "redirect:/?deleted";
    }

    /** The providers the sign-in page offers: only those with a client id and secret. */
    @ModelAttribute("oauthProviders")
    List<String> oauthProviders() {
        return oauth.configuredProviders();
    }

    /** The invitation the sign-in or sign-up page leads back to, so the person knows why and with which address. */
    @ModelAttribute("invitation")
    PendingInvitationHint.Hint invitation(@RequestParam(required = false) String next) {
        if (next == null || next.isBlank()) {
            return null;
        }
        String target = safeNext(next);
        return invitationHints.stream().flatMap(hints -> hints.forNext(target).stream()).findFirst().orElse(null);
    }

    @GetMapping("/signin")
    String signInPage(@RequestParam(required = false) String next, @RequestParam(required = false) String reset,
            @RequestParam(name = "oauth_error", required = false) String oauthError, Model model) {
        if (oauthError != null) {
            model.addAttribute("form", new AccountPageModels.SignInForm("", safeNext(next),
                    OAUTH_ERRORS.getOrDefault(oauthError, "signin.oauth.error.failed"), 0, null));
            return "identity/signin";
        }
        model.addAttribute("form", reset != null
                ? new AccountPageModels.SignInForm("", safeNext(next), null, 0, "signin.reset_done")
                : AccountPageModels.SignInForm.empty(safeNext(next)));
        return "identity/signin";
    }

    @PostMapping("/signin")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response, Model model) {
        String target = safeNext(next);
        SignIn.Result result;
        try {
            result = signIn.signIn(email, password, ClientInfo.of(request), "web");
        } catch (TooManyRequestsException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
            model.addAttribute("form", new AccountPageModels.SignInForm(email, target, "signin.error.throttled", Math.max(1, e.retryAfter().toMinutes()), null));
            return "identity/signin";
        }
        return switch (result) {
            case SignIn.Succeeded ok -> {
                setSessionCookie(request, response, ok.session().token(), identity.sessionAbsoluteTimeout());
                yield "redirect:" + target;
            }
            case SignIn.Failed failed -> {
                response.setStatus(HttpStatus.UNAUTHORIZED.value());
                model.addAttribute("form", new AccountPageModels.SignInForm(email, target, "signin.error.credentials", 0, null));
                yield "identity/signin";
            }
            case SignIn.Suspended suspended -> {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                model.addAttribute("form", new AccountPageModels.SignInForm(email, target, "signin.error.suspended", 0, null));
                yield "identity/signin";
            }
        };
    }

    @GetMapping("/signup")
    String signUpPage(@RequestParam(required = false) String next, Model model) {
        PendingInvitationHint.Hint invitation = (PendingInvitationHint.Hint) model.getAttribute("invitation");
        model.addAttribute("form", new AccountPageModels.SignUpForm("", invitation == null ? "" : invitation.email(), safeNext(next), Map.of()));
        return "identity/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid AuthApiController.RegisterRequest form, BindingResult binding, @RequestParam(required = false) String next,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, SIGN_UP_ERRORS, "form.error.generic"));
        if (FormErrors.tooLong(binding, "name")) {
            errors.put("name", "signup.error.name_long");
        }
        if (errors.isEmpty()) {
            try {
                accounts.register(form.email(), form.password(), form.name(), ClientInfo.of(request));
                if (signIn.signIn(form.email(), form.password(), ClientInfo.of(request), "web") instanceof SignIn.Succeeded ok) {
                    setSessionCookie(request, response, ok.session().token(), identity.sessionAbsoluteTimeout());
                }
                return "redirect:" + withWelcome(safeNext(next));
            } catch (TooManyRequestsException e) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                errors.put("form", "signup.error.throttled");
            } catch (ProblemException e) {
                response.setStatus(e.type().status().value());
                errors.putAll(fieldErrors(e));
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("form", new AccountPageModels.SignUpForm(form.name() == null ? "" : form.name(),
                form.email() == null ? "" : form.email(), safeNext(next), errors));
        return "identity/signup";
    }

    @PostMapping("/signout")
    String signOut(@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request, HttpServletResponse response) {
        if (caller != null) {
            signIn.signOut(caller);
        }
        setSessionCookie(request, response, "", Duration.ZERO);
        return "redirect:/";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal CurrentUser caller, @RequestParam(required = false) String saved, Model model) {
        model.addAttribute("page", accountPage(caller, null, saved, Map.of()));
        return "identity/account";
    }

    @PostMapping("/account/profile")
    String updateProfile(@AuthenticationPrincipal CurrentUser caller, @Valid MeApiController.ProfileRequest form, BindingResult binding,
            HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, PROFILE_ERRORS, "form.error.generic"));
        if (FormErrors.tooLong(binding, "name")) {
            errors.put("name", "signup.error.name_long");
        }
        // The form always posts a name and a language; an absent one is a hand-made request, refused or defaulted as before.
        if (form.name() == null) {
            errors.putIfAbsent("name", "signup.error.name");
        }
        String language = form.language() == null ? "en" : form.language();
        if (errors.isEmpty()) {
            try {
                // Only what the form offers: the avatar and notification settings have no field here.
                accounts.updateProfile(caller.id(), new ProfileChange(form.name(), form.username() == null ? "" : form.username(), null,
                        form.bio() == null ? "" : form.bio(), language,
                        form.timeZone() == null || form.timeZone().isBlank() ? null : form.timeZone(), null));
                return "redirect:/account?saved=profile&lang=" + language;
            } catch (ProblemException e) {
                errors.putAll(fieldErrors(e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("page", accountPage(caller, AccountPageModels.ProfileForm.posted(form), null, errors));
        return "identity/account";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal CurrentUser caller, @Valid MeApiController.PasswordRequest form, BindingResult binding,
            HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.keys(binding, PASSWORD_ERRORS, "form.error.generic"));
        if (errors.isEmpty()) {
            try {
                accounts.changePassword(caller, form.currentPassword(), form.newPassword());
                return "redirect:/account?saved=password";
            } catch (ProblemException e) {
                errors.putAll(fieldErrors(e));
                if (errors.containsKey("password")) {
                    errors.put("new_password", errors.remove("password"));
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("page", accountPage(caller, null, null, errors));
        return "identity/account";
    }

    @PostMapping("/account/verification-email")
    String resendVerification(@AuthenticationPrincipal CurrentUser caller) {
        try {
            accounts.resendVerification(caller.id());
        } catch (TooManyRequestsException e) {
            return "redirect:/account?saved=verification_throttled";
        }
        return "redirect:/account?saved=verification";
    }

    /** The link in the verification mail. Following it is the proof, so a GET does the work. */
    @GetMapping("/verify-email")
    String verifyEmail(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        try {
            accounts.verifyEmail(token);
            model.addAttribute("notice", new AccountPageModels.Notice("verify.done.title", "verify.done.text", true));
        } catch (ProblemException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("notice", new AccountPageModels.Notice("verify.failed.title", "verify.failed.text", false));
        }
        return "identity/notice";
    }

    @GetMapping("/forgot-password")
    String forgotPasswordPage(Model model) {
        model.addAttribute("form", new AccountPageModels.ResetForm("", null, false));
        return "identity/forgot-password";
    }

    @PostMapping("/forgot-password")
    String forgotPassword(@Valid AuthApiController.ResetRequest form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        String email = form.email() == null ? "" : form.email();
        try {
            // An address the API would refuse gets the same answer as one without an account: nothing tells them apart.
            if (!binding.hasErrors()) {
                accounts.requestPasswordReset(email, ClientInfo.of(request));
            }
            model.addAttribute("form", new AccountPageModels.ResetForm(email, null, true));
        } catch (TooManyRequestsException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("form", new AccountPageModels.ResetForm(email, "reset.error.throttled", false));
        }
        return "identity/forgot-password";
    }

    @GetMapping("/reset-password")
    String resetPasswordPage(@RequestParam(defaultValue = "") String token, HttpServletResponse response, Model model) {
        boolean works = accounts.resetLinkWorks(token);
        if (!works) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("form", new AccountPageModels.NewPasswordForm(token, works ? null : "reset.error.link"));
        return "identity/reset-password";
    }

    @PostMapping("/reset-password")
    String resetPassword(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
            HttpServletResponse response, Model model) {
        try {
            accounts.resetPassword(token, password);
            return "redirect:/signin?reset";
        } catch (ProblemException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            String error = e.type().equals(IdentityProblems.INVALID_LINK) ? "reset.error.link" : "signup.error.password";
            model.addAttribute("form", new AccountPageModels.NewPasswordForm(token, error));
            return "identity/reset-password";
        }
    }

    @PostMapping("/account/sessions/{sessionId}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID sessionId) {
        signIn.revoke(caller, sessionId);
        return "redirect:/account?saved=sessions";
    }

    /** The account page; {@code profile} null shows the account's own values in the profile form. */
    private AccountPageModels.AccountPage accountPage(CurrentUser caller, AccountPageModels.ProfileForm profile, String saved,
            Map<String, String> errors) {
        Accounts.Account account = accounts.find(caller.id()).orElseThrow();
        List<AccountPageModels.SessionRow> sessions = signIn.sessionsOf(caller).stream()
                .map(s -> new AccountPageModels.SessionRow(s.id(), s.id().equals(caller.sessionId()), s.client(), s.ipAddress(), s.userAgent(), s.lastActiveAt()))
                .toList();
        return new AccountPageModels.AccountPage(account, profile == null ? AccountPageModels.ProfileForm.of(account) : profile,
                sessions, saved, errors);
    }

    /** The fields of a refused change, each with the message key the page shows for it. */
    private static Map<String, String> fieldErrors(ProblemException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        switch (e.type().slug()) {
            case "email-taken" -> errors.put("email", "signup.error.email_taken");
            case "username-taken" -> errors.put("username", "account.error.username_taken");
            case "too-many-requests" -> errors.put("form", "signup.error.throttled");
            default -> {
                if (e.properties().get("errors") instanceof List<?> list) {
                    for (Object item : list) {
                        if (item instanceof FieldError error) {
                            errors.putIfAbsent(error.field(), switch (error.field()) {
                                case "password", "new_password" -> "signup.error.password";
                                case "current_password" -> "account.error.current_password";
                                case "email" -> "signup.error.email";
                                case "name" -> "signup.error.name";
                                default -> "form.error.generic";
                            });
                        }
                    }
                }
                if (errors.isEmpty()) {
                    errors.put("form", "form.error.generic");
                }
            }
        }
        return errors;
    }

    /** Only a path on this site: never another host, so a sign-in link cannot send people elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.contains("\r")
                || next.contains("\n")) {
            return "/dashboard";
        }
        return next;
    }

    /** The page a new account lands on, marked so the layout tells them to look for the verification mail. */
    static String withWelcome(String target) {
        return target + (target.contains("?") ? "&" : "?") + "welcome";
    }

    private void setSessionCookie(HttpServletRequest request, HttpServletResponse response, String token, Duration maxAge) {
        writeSessionCookie(request, response, token, maxAge, modo);
    }

    /** The page session cookie, the same for a password and an OAuth2 sign-in. */
    static void writeSessionCookie(HttpServletRequest request, HttpServletResponse response, String token, Duration maxAge,
            ModoProperties modo) {
        ResponseCookie cookie = ResponseCookie.from(SessionAuthenticator.COOKIE, token)
                .httpOnly(true)
                .secure(request.isSecure() || modo.env() == ModoProperties.Environment.PRODUCTION)
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}

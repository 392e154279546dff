package id.modo.verse.identity;

import id.modo.verse.common.ConstraintViolations;
import id.modo.verse.common.Changes;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.MailTemplate;
import id.modo.verse.common.Mailer;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.common.RateLimiter;
import id.modo.verse.common.Rows;
import id.modo.verse.common.TooManyRequestsException;
import id.modo.verse.common.web.ClientInfo;
import id.modo.verse.identity.IdentityEvents.EmailVerified;
import id.modo.verse.identity.IdentityEvents.PasswordChanged;
import id.modo.verse.identity.IdentityEvents.PasswordReset;
import id.modo.verse.identity.IdentityEvents.PasswordResetRequested;
import id.modo.verse.identity.IdentityEvents.VerificationMailSent;
import id.modo.verse.identity.IdentityEvents.ProfileUpdated;
import id.modo.verse.identity.IdentityEvents.UserRegistered;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Accounts: sign-up, profile and password. The module's facade for other modules too. */
@Service
public class Accounts {

    private final UserRepository users;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwordHasher;
    private final Sessions sessions;
    private final RateLimiter rateLimiter;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final OneTimeTokens tokens;
    private final Mailer mailer;
    private final ModoProperties modo;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    static final Duration VERIFICATION_VALIDITY = Duration.ofHours(24);
    static final Duration RESET_VALIDITY = Duration.ofHours(1);

    Accounts(UserRepository users, PasswordPolicy passwordPolicy, PasswordHasher passwordHasher, Sessions sessions,
            RateLimiter rateLimiter, IdentityProperties properties, ApplicationEventPublisher events, OneTimeTokens tokens,
            Mailer mailer, ModoProperties modo, Clock clock, JdbcClient jdbc, JsonMapper json) {
        this.users = users;
        this.passwordPolicy = passwordPolicy;
        this.passwordHasher = passwordHasher;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
        this.properties = properties;
        this.events = events;
        this.tokens = tokens;
        this.mailer = mailer;
        this.modo = modo;
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An account as its owner and other modules see it: never its password hash. */
    public record Account(UserId id, String email, boolean emailVerified, String name, String username, String avatar,
            String bio, Map<String, Object> preferences, Map<String, Object> notificationSettings, PlatformRole platformRole,
            String status, Instant createdAt, Instant lastLoginAt) {

        static Account of(User user) {
            return new Account(UserId.of(user.id()), user.email(), user.emailVerified(), user.name(), user.username(),
                    user.avatar(), user.bio(), user.preferences(), user.notificationSettings(), user.platformRole(),
                    user.status().name().toLowerCase(java.util.Locale.ROOT), user.createdAt(), user.lastLoginAt());
        }
    }

    @Transactional
    public Account register(String email, String password, String name, ClientInfo client) {
        TooManyRequestsException.throwIfLimited(rateLimiter.hit("signup:" + client.ip(), properties.signupsPerIpPerHour(), Duration.ofHours(1)));
        passwordPolicy.check(password, email, name);
        if (users.findByEmail(email).isPresent()) {
            throw new ProblemException(IdentityProblems.EMAIL_TAKEN, "An account with this email already exists. Sign in, or reset your password.");
        }
        User user = User.register(email, passwordHasher.hash(password), name, clock.instant());
        boolean madeAdmin = properties.isAdminEmail(user.email()) && user.grantPlatformAdmin(clock.instant());
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            if (!ConstraintViolations.isUnique(e)) {
                throw e;
            }
            // Two sign-ups with the same email at once: the unique index decides.
            throw new ProblemException(IdentityProblems.EMAIL_TAKEN, "An account with this email already exists. Sign in, or reset your password.");
        }
        events.publishEvent(new UserRegistered(user.id(), user.email(), user.name()));
        if (madeAdmin) {
            PlatformAdmins.log.info("{} signed up and is a platform admin (modo.identity.admin-emails)", user.email());
            events.publishEvent(new IdentityEvents.PlatformAdminGranted(user.id(), user.email()));
        }
        sendVerification(user);
        return Account.of(user);
    }

    /** Sends a new verification link (the older ones stop working), unless the email is verified already. */
    @Transactional
    public void resendVerification(UserId id) {
        User user = users.findById(id.value()).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such account."));
        if (!user.emailVerified()) {
            TooManyRequestsException.throwIfLimited(rateLimiter.hit("verify-mail:" + user.id(), 5, Duration.ofHours(1)));
            sendVerification(user);
        }
    }

    @Transactional
    public Account verifyEmail(String token) {
        OneTimeTokens.Live live = tokens.find(token, OneTimeTokens.Purpose.VERIFY_EMAIL)
                .orElseThrow(() -> new ProblemException(IdentityProblems.INVALID_LINK, "This verification link is invalid, used or expired. Ask for a new one."));
        User user = users.findById(live.userId()).orElseThrow();
        tokens.markUsed(live);
        if (!user.emailVerified()) {
            user.verifyEmail(clock.instant());
            users.save(user);
            events.publishEvent(new EmailVerified(user.id(), user.email()));
        }
        return Account.of(user);
    }

    /**
     * Mails a reset link if an active account has this email. The caller answers the same either
     * way, so nobody learns which emails are registered.
     */
    @Transactional
    public void requestPasswordReset(String email, ClientInfo client) {
        TooManyRequestsException.throwIfLimited(rateLimiter.hit("reset:" + client.ip(), properties.passwordResetsPerIpPerHour(), Duration.ofHours(1)));
        users.findByEmail(email.strip()).filter(User::canSignIn).ifPresent(user -> {
            String token = tokens.issue(user.id(), OneTimeTokens.Purpose.PASSWORD_RESET, RESET_VALIDITY);
            mailer.send(user.email(), new MailTemplate.PasswordReset(user.name(), modo.link("/reset-password?token=" + token)),
                    LocaleContextHolder.getLocale());
            events.publishEvent(new PasswordResetRequested(user.id()));
        });
    }

    /** Whether a reset link would still set a password, so its page can say at once when it will not. */
    @Transactional
    public boolean resetLinkWorks(String token) {
        return tokens.find(token, OneTimeTokens.Purpose.PASSWORD_RESET)
                .flatMap(live -> users.findById(live.userId()))
                .filter(User::canSignIn)
                .isPresent();
    }

    /** Sets a new password from a reset link and signs out every session of the account. */
    @Transactional
    public void resetPassword(String token, String newPassword) {
        OneTimeTokens.Live live = tokens.find(token, OneTimeTokens.Purpose.PASSWORD_RESET)
                .orElseThrow(() -> new ProblemException(IdentityProblems.INVALID_LINK, "This reset link is invalid, used or expired. Ask for a new one."));
        User user = users.findById(live.userId()).orElseThrow();
        if (!user.canSignIn()) {
            throw new ProblemException(IdentityProblems.INVALID_LINK, "This reset link is invalid, used or expired. Ask for a new one.");
        }
        passwordPolicy.check(newPassword, user.email(), user.name());
        tokens.markUsed(live);
        user.changePasswordHash(passwordHasher.hash(newPassword), clock.instant());
        // Receiving the mail proves the address, too.
        if (!user.emailVerified()) {
            user.verifyEmail(clock.instant());
        }
        users.save(user);
        events.publishEvent(new PasswordReset(user.id(), sessions.revokeAll(user.id())));
    }

    private void sendVerification(User user) {
        String token = tokens.issue(user.id(), OneTimeTokens.Purpose.VERIFY_EMAIL, VERIFICATION_VALIDITY);
        mailer.send(user.email(), new MailTemplate.VerifyEmail(user.name(), modo.link("/verify-email?token=" + token)),
                LocaleContextHolder.getLocale());
        events.publishEvent(new VerificationMailSent(user.id()));
    }

    /** The public face of an account, for other modules listing people (members, authors…). */
    public record Person(UserId id, String name, String email, String username, String avatar) {
    }

    /** One query without a transaction, as {@link #find}: pages list authors and members on every view. */
    public Map<UserId, Person> people(java.util.Collection<UserId> ids) {
        Map<UserId, Person> people = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return people;
        }
        jdbc.sql("select id, name, email, username, avatar from users where id in (:ids)")
                .param("ids", ids.stream().map(UserId::value).distinct().toList())
                .query((rs, row) -> new Person(UserId.of(rs.getObject("id", java.util.UUID.class)), rs.getString("name"),
                        rs.getString("email"), rs.getString("username"), rs.getString("avatar")))
                .list()
                .forEach(person -> people.put(person.id(), person));
        return people;
    }

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    /**
     * One query on the connection's own autocommit, without a transaction or an entity: every API call and page of the
     * signed-in user reads its account, and the JPA path (begin, load, commit) took a third of {@code GET /api/v1/me}.
     */
    public Optional<Account> find(UserId id) {
        return jdbc.sql("""
                select email, email_verified, name, username, avatar, bio, preferences, notification_settings, platform_role,
                       status, created_at, last_login_at
                from users where id = ?""")
                .param(id.value())
                .query((rs, row) -> new Account(id, rs.getString("email"), rs.getBoolean("email_verified"), rs.getString("name"),
                        rs.getString("username"), rs.getString("avatar"), rs.getString("bio"), jsonObject(rs.getString("preferences")),
                        jsonObject(rs.getString("notification_settings")), PlatformRole.fromDb(rs.getString("platform_role")),
                        rs.getString("status"), Rows.instant(rs, "created_at"), Rows.instant(rs, "last_login_at")))
                .optional();
    }

    private Map<String, Object> jsonObject(String value) {
        return value == null ? new java.util.HashMap<>() : json.readValue(value, JSON_OBJECT);
    }

    /** The account with this email, in any letter case. */
    @Transactional(readOnly = true)
    public Optional<Account> findByEmail(String email) {
        return users.findByEmail(email.strip()).map(Account::of);
    }

    @Transactional
    public Account updateProfile(UserId id, ProfileChange change) {
        User user = users.findById(id.value()).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such account."));
        if (change.username() != null && !change.username().isBlank()
                && users.usernameTaken(change.username().strip(), user.id())) {
            throw new ProblemException(IdentityProblems.USERNAME_TAKEN, "This username is taken; choose another.");
        }
        Map<String, Object> before = user.profileSnapshot();
        user.updateProfile(change, clock.instant());
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            if (!ConstraintViolations.isUnique(e)) {
                throw e;
            }
            throw new ProblemException(IdentityProblems.USERNAME_TAKEN, "This username is taken; choose another.");
        }
        Map<String, Object> after = user.profileSnapshot();
        if (!before.equals(after)) {
            events.publishEvent(new ProfileUpdated(user.id(), Changes.differing(before, after), Changes.differing(after, before)));
        }
        return Account.of(user);
    }

    /**
     * Deletes the caller's account after checking their password: anonymised, every session signed
     * out, audit rows kept. Other modules may refuse first (see {@link AccountDeletionGuard}).
     */
    @Transactional
    public void deleteAccount(CurrentUser caller, String password, List<AccountDeletionGuard> guards) {
        User user = users.findById(caller.id().value()).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such account."));
        if (user.passwordHash() == null || !passwordHasher.matches(password, user.passwordHash())) {
            throw new ProblemException(ProblemType.VALIDATION, "The password is not right.",
                    Map.of("errors", List.of(new FieldError("password", "is not right"))));
        }
        guards.forEach(guard -> guard.checkDeletable(caller.id()));
        user.anonymize(clock.instant());
        users.save(user);
        sessions.revokeAll(user.id());
        events.publishEvent(new IdentityEvents.AccountDeleted(user.id()));
    }

    /** Changes the password after checking the current one, and signs out every other session. */
    @Transactional
    public void changePassword(CurrentUser caller, String currentPassword, String newPassword) {
        User user = users.findById(caller.id().value()).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such account."));
        if (user.passwordHash() == null || !passwordHasher.matches(currentPassword, user.passwordHash())) {
            throw new ProblemException(ProblemType.VALIDATION, "The current password is not right.",
                    Map.of("errors", List.of(new FieldError("current_password", "is not right"))));
        }
        passwordPolicy.check(newPassword, user.email(), user.name());
        user.changePasswordHash(passwordHasher.hash(newPassword), clock.instant());
        users.save(user);
        int revoked = sessions.revokeAllExcept(user.id(), caller.sessionId());
        events.publishEvent(new PasswordChanged(user.id(), revoked));
    }
}

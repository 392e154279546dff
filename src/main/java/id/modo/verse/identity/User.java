package id.modo.verse.identity;

import id.modo.verse.common.LowercaseEnumConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An account. Its rules live here; services only load, call and save it. */
@Entity
@Table(name = "users")
class User {

    enum Status {
        ACTIVE, SUSPENDED, DELETED
    }

    @Id
    private UUID id;
    private String email;
    @Column(name = "email_verified")
    private boolean emailVerified;
    @Column(name = "password_hash")
    private String passwordHash;
    private String name;
    private String username;
    private String avatar;
    private String bio;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> preferences = new HashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "notification_settings")
    private Map<String, Object> notificationSettings = new HashMap<>();
    @Convert(converter = StatusConverter.class)
    private Status status;
    @Convert(converter = PlatformRoleConverter.class)
    @Column(name = "platform_role")
    private PlatformRole platformRole;
    @Column(name = "google_id")
    private String googleId;
    @Column(name = "github_id")
    private String githubId;
    @Column(name = "discord_id")
    private String discordId;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected User() {
    }

    static User register(String email, String passwordHash, String name, Instant now) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = normalizeEmail(email);
        user.passwordHash = passwordHash;
        user.name = name.strip();
        user.status = Status.ACTIVE;
        user.platformRole = PlatformRole.USER;
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    /** An account the system creates (demo data): verified, with a platform role. */
    static User seeded(String email, String passwordHash, String name, PlatformRole role, Instant now) {
        User user = register(email, passwordHash, name, now);
        user.emailVerified = true;
        user.platformRole = role;
        return user;
    }

    /** An account made by signing in with a provider that vouches for the email: verified, without a password. */
    static User fromOAuth(String email, String name, OAuthProvider provider, String providerUserId, Instant now) {
        User user = register(email, null, name, now);
        user.emailVerified = true;
        user.linkProvider(provider, providerUserId, now);
        return user;
    }

    /** This account's id at the provider, or null when it is not linked. */
    String providerId(OAuthProvider provider) {
        return switch (provider) {
            case GOOGLE -> googleId;
            case GITHUB -> githubId;
            case DISCORD -> discordId;
        };
    }

    void linkProvider(OAuthProvider provider, String providerUserId, Instant now) {
        switch (provider) {
            case GOOGLE -> googleId = providerUserId;
            case GITHUB -> githubId = providerUserId;
            case DISCORD -> discordId = providerUserId;
        }
        updatedAt = now;
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    boolean canSignIn() {
        return status == Status.ACTIVE;
    }

    /**
     * Suspends the account; says whether anything changed (suspending a suspended account changes
     * nothing). A deleted account stays deleted.
     */
    boolean suspend(Instant now) {
        if (status == Status.DELETED) {
            throw new id.modo.verse.common.ProblemException(IdentityProblems.ACCOUNT_DELETED,
                    "This account is deleted; it cannot be suspended or restored.");
        }
        if (status == Status.SUSPENDED) {
            return false;
        }
        status = Status.SUSPENDED;
        updatedAt = now;
        return true;
    }

    /** Lets a suspended account sign in again; says whether anything changed. A deleted account cannot be restored. */
    boolean restore(Instant now) {
        if (status == Status.DELETED) {
            throw new id.modo.verse.common.ProblemException(IdentityProblems.ACCOUNT_DELETED,
                    "This account is deleted; it cannot be restored.");
        }
        if (status == Status.ACTIVE) {
            return false;
        }
        status = Status.ACTIVE;
        updatedAt = now;
        return true;
    }

    /** Makes the account a platform admin, unless it is one already (a superadmin stays one). */
    boolean grantPlatformAdmin(Instant now) {
        if (platformRole.isAdmin()) {
            return false;
        }
        platformRole = PlatformRole.ADMIN;
        updatedAt = now;
        return true;
    }

    void signedIn(Instant now) {
        lastLoginAt = now;
    }

    void changePasswordHash(String newHash, Instant now) {
        passwordHash = newHash;
        updatedAt = now;
    }

    void verifyEmail(Instant now) {
        emailVerified = true;
        updatedAt = now;
    }

    void updateProfile(ProfileChange change, Instant now) {
        if (change.name() != null) {
            name = change.name().strip();
        }
        if (change.username() != null) {
            username = change.username().isBlank() ? null : change.username().strip().toLowerCase(Locale.ROOT);
        }
        if (change.avatar() != null) {
            avatar = change.avatar().isBlank() ? null : change.avatar().strip();
        }
        if (change.bio() != null) {
            bio = change.bio().isBlank() ? null : change.bio().strip();
        }
        if (change.language() != null) {
            preferences.put("language", change.language());
        }
        if (change.timeZone() != null) {
            preferences.put("time_zone", change.timeZone());
        }
        if (change.notificationSettings() != null) {
            notificationSettings = new HashMap<>(change.notificationSettings());
        }
        updatedAt = now;
    }

    /**
     * Deletes the account by forgetting who it was: email, name and profile are replaced, the
     * password removed, the status set to deleted. The row stays so audit rows keep their actor.
     */
    void anonymize(Instant now) {
        email = "deleted-" + id + "@deleted.invalid";
        name = "Deleted user";
        username = null;
        avatar = null;
        bio = null;
        passwordHash = null;
        emailVerified = false;
        googleId = null;
        githubId = null;
        discordId = null;
        preferences = new HashMap<>();
        notificationSettings = new HashMap<>();
        status = Status.DELETED;
        updatedAt = now;
    }

    /** A snapshot of what a profile change may alter, for the audit log's old and new values. */
    Map<String, Object> profileSnapshot() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("name", name);
        values.put("username", username);
        values.put("avatar", avatar);
        values.put("bio", bio);
        values.put("preferences", Map.copyOf(preferences));
        values.put("notification_settings", Map.copyOf(notificationSettings));
        return values;
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    boolean emailVerified() {
        return emailVerified;
    }

    String passwordHash() {
        return passwordHash;
    }

    String name() {
        return name;
    }

    String username() {
        return username;
    }

    String avatar() {
        return avatar;
    }

    String bio() {
        return bio;
    }

    Map<String, Object> preferences() {
        return Map.copyOf(preferences);
    }

    Map<String, Object> notificationSettings() {
        return Map.copyOf(notificationSettings);
    }

    Status status() {
        return status;
    }

    PlatformRole platformRole() {
        return platformRole;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastLoginAt() {
        return lastLoginAt;
    }

    @Converter
    static class StatusConverter extends LowercaseEnumConverter<Status> {
        StatusConverter() {
            super(Status.class);
        }
    }

    @Converter
    static class PlatformRoleConverter extends LowercaseEnumConverter<PlatformRole> {
        PlatformRoleConverter() {
            super(PlatformRole.class);
        }
    }
}

package id.modo.verse.identity;

/** What an account may do across the whole platform, beside its roles in organizations. */
public enum PlatformRole {
    USER, ADMIN, SUPERADMIN;

    public boolean isAdmin() {
        return this != USER;
    }

    String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static PlatformRole fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}

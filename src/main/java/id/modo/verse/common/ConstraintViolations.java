package id.modo.verse.common;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Which constraint a failed write broke, from PostgreSQL's SQLSTATE. A catch that answers "already
 * taken" must be sure it was a unique index: a {@link DataIntegrityViolationException} is also
 * what a value the column cannot hold, a check constraint or a foreign key raises, and calling
 * those "taken" misleads the client. Such a catch rethrows what it does not recognise.
 */
public final class ConstraintViolations {

    private static final String UNIQUE = "23505";
    private static final String FOREIGN_KEY = "23503";

    private ConstraintViolations() {
    }

    public static boolean isUnique(DataIntegrityViolationException e) {
        return UNIQUE.equals(sqlState(e));
    }

    public static boolean isForeignKey(DataIntegrityViolationException e) {
        return FOREIGN_KEY.equals(sqlState(e));
    }

    private static @Nullable String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}

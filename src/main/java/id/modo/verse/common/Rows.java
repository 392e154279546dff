package id.modo.verse.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** Reading columns of JDBC result rows that JDBC itself leaves awkward. */
public final class Rows {

    private Rows() {
    }

    /** A {@code timestamptz} column as an instant; null when the column is null. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

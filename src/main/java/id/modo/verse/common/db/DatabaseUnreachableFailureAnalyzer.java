package id.modo.verse.common.db;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.postgresql.util.PSQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A PostgreSQL that cannot be reached or refuses us becomes a short report naming the settings to check. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<PSQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PSQLException cause) {
        boolean unreachable = cause.getCause() instanceof ConnectException || cause.getCause() instanceof UnknownHostException
                || "08001".equals(cause.getSQLState());
        boolean refused = "28P01".equals(cause.getSQLState()) || "28000".equals(cause.getSQLState());
        if (!unreachable && !refused) {
            return null;
        }
        return new FailureAnalysis(
                (unreachable ? "Cannot connect to the PostgreSQL server: " : "The PostgreSQL server refused the sign-in: ")
                        + cause.getMessage(),
                "Check MODO_DB_URL (modo.db.url), MODO_DB_USER and MODO_DB_PASSWORD, and that the server is running and "
                        + "reachable; or unset MODO_DB_URL to use the embedded PostgreSQL.",
                cause);
    }
}

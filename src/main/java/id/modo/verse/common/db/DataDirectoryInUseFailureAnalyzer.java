package id.modo.verse.common.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a second start on a busy data directory into Boot's plain "APPLICATION FAILED TO START" report. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                "The data directory " + cause.dataDir().toAbsolutePath() + " is in use by another MODO process.",
                "Stop the other process, or set MODO_DATA_DIR (modo.data-dir) to another directory.",
                cause);
    }
}

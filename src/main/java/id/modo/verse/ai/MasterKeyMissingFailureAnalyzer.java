package id.modo.verse.ai;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or wrong master key into Boot's plain "APPLICATION FAILED TO START" report. */
class MasterKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<MasterKeyMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MasterKeyMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set MODO_MASTER_KEY (modo.ai.master-key) to the key these provider keys were stored under, or restore "
                        + cause.keptFile().toAbsolutePath() + " from a backup of the data directory. Without it the stored "
                        + "keys cannot be read: delete the rows of user_api_keys to start over, and have their owners add them again.",
                cause);
    }
}

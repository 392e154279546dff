package id.modo.verse.ai;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class MasterKeyMissingFailureAnalyzerTests {

    @Test
    void theReportSaysWhatIsMissingAndHowToGetItBack() {
        Path file = Path.of("/srv/modo/data/master-key");
        FailureAnalysis analysis = new MasterKeyMissingFailureAnalyzer().analyze(new IllegalStateException("wrapped",
                new MasterKeyMissingException("Stored provider keys (user_api_keys) exist, but MODO_MASTER_KEY is not set", file)));

        assertThat(analysis.getDescription()).contains("MODO_MASTER_KEY is not set");
        assertThat(analysis.getAction()).contains("MODO_MASTER_KEY").contains(file.toString()).contains("backup");
    }
}

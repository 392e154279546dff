package id.modo.verse.common;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Makes the data directory and the log file owner-only before anything is written there. It runs
 * while the environment is prepared, after the settings are read and before Spring Boot's logging
 * opens {@code logging.file.name}, so the log (captured mails with their links, in development) is
 * never readable by other users of the machine, not even for its first lines. The data directory
 * (0700) keeps others away from everything in it, the log files Logback rolls over included;
 * directories and a log file an earlier version made readable by everyone are tightened.
 */
class PrivateDataDirectory implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    PrivateDataDirectory(Log log) {
        this.log = log;
    }

    @Override
    public int getOrder() {
        // After the settings from application.properties, the environment and the command line are in.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = path(environment, "modo.data-dir");
        Path logFile = path(environment, "logging.file.name");
        if (dataDir != null) {
            secure(dataDir, true);
        }
        if (logFile != null && logFile.getParent() != null) {
            Path logs = logFile.toAbsolutePath().getParent();
            // Where the log lives outside the data directory, an existing folder there is the operator's to set.
            secure(logs, dataDir != null && logs.startsWith(dataDir.toAbsolutePath().normalize()));
            try {
                PrivateFiles.createFile(logFile);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not make the log file " + logFile + " readable by its owner only: " + e.getMessage());
            }
        }
    }

    private void secure(Path folder, boolean restrictExisting) {
        try {
            PrivateFiles.createDirectories(folder);
            if (restrictExisting) {
                PrivateFiles.restrict(folder);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not make " + folder + " readable by its owner only: " + e.getMessage());
        }
    }

    private static @Nullable Path path(ConfigurableEnvironment environment, String key) {
        try {
            String value = environment.getProperty(key);
            return StringUtils.hasText(value) ? Path.of(value).toAbsolutePath().normalize() : null;
        } catch (RuntimeException unresolvable) {
            return null; // binding ModoProperties reports a wrong setting with its key
        }
    }
}

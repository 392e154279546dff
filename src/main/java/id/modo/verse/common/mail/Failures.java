package id.modo.verse.common.mail;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Failure descriptions for {@code mail_outbox.last_error}: the cause chain in one line, bounded. */
final class Failures {

    static final int MAX_LENGTH = 1000;

    private Failures() {
    }

    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t) && seen.size() <= 4; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().replaceAll("\\s+", " ").strip());
            }
        }
        return text.length() <= MAX_LENGTH ? text.toString() : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** The description with every occurrence of {@code secret} blanked out. */
    static String redact(String description, @Nullable String secret) {
        return secret == null || secret.isEmpty() ? description : description.replace(secret, "[redacted]");
    }
}

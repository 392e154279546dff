package id.modo.verse.common;

import java.util.Map;

/**
 * Thrown by module code for a client's mistake or a refused action. It lives outside {@code common.web} so domain
 * code names no web type; {@code common.web} answers it as a problem document of its {@link ProblemType} with
 * {@code detail} and extra members, or as the error page of its status.
 * The detail is shown to the client, so it must say what went wrong in the client's terms.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

package id.modo.verse.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A move that a thing's state does not allow (a project's status, a subscription's plan or pause). Each module keeps
 * its own problem type, but all answer the same extension members so a client handles them alike: {@code from} the
 * current state, {@code to} the refused state or move, and {@code allowed} what is possible from here instead.
 */
public class IllegalTransitionException extends ProblemException {

    private final String from;
    private final String to;
    private final List<String> allowed;

    public IllegalTransitionException(ProblemType type, String detail, String from, String to, List<String> allowed) {
        super(type, detail, members(from, to, allowed));
        this.from = from;
        this.to = to;
        this.allowed = List.copyOf(allowed);
    }

    private static Map<String, Object> members(String from, String to, List<String> allowed) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("from", from);
        members.put("to", to);
        members.put("allowed", List.copyOf(allowed));
        return members;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public List<String> allowed() {
        return allowed;
    }
}

package id.modo.verse.studio;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word-level difference between two texts, as runs of kept, deleted and inserted text that rebuild either side
 * exactly. Words and the whitespace between them are separate tokens, so a changed word is marked alone while line
 * breaks survive. Myers' algorithm (java-diff-utils) keeps a 120-page script's diff fast.
 */
public final class WordDiff {

    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    public enum Kind { EQUAL, DELETE, INSERT }

    public record Segment(Kind kind, String text) {
    }

    private WordDiff() {
    }

    public static List<Segment> between(String from, String to) {
        List<String> a = tokens(from == null ? "" : from);
        List<String> b = tokens(to == null ? "" : to);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Kind.EQUAL, a.subList(position, start));
            if (delta.getType() == DeltaType.DELETE || delta.getType() == DeltaType.CHANGE) {
                add(segments, Kind.DELETE, delta.getSource().getLines());
            }
            if (delta.getType() == DeltaType.INSERT || delta.getType() == DeltaType.CHANGE) {
                add(segments, Kind.INSERT, delta.getTarget().getLines());
            }
            position = start + delta.getSource().size();
        }
        add(segments, Kind.EQUAL, a.subList(position, a.size()));
        return segments;
    }

    /** The text on one side of a diff: the old text without insertions, or the new one without deletions. */
    public static String side(List<Segment> segments, boolean newSide) {
        StringBuilder text = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.kind() == Kind.EQUAL || (segment.kind() == Kind.INSERT) == newSide) {
                text.append(segment.text());
            }
        }
        return text.toString();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static void add(List<Segment> segments, Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!segments.isEmpty() && segments.getLast().kind() == kind) {
            Segment last = segments.removeLast();
            segments.add(new Segment(kind, last.text() + text));
        } else {
            segments.add(new Segment(kind, text));
        }
    }
}

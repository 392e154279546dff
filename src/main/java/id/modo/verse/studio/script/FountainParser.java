package id.modo.verse.studio.script;

import id.modo.verse.studio.script.ScriptElement.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Fountain 1.1 parser (https://fountain.io/syntax). Written here because no maintained Java
 * library exists: Maven Central has none, and the one Java port on GitHub (fountain-java, a port of
 * the Objective-C reference) is unpublished and unmaintained.
 *
 * <p>The text is cut into paragraphs at blank lines; each paragraph's first line decides what it
 * is, which is how the syntax is defined (a scene heading or a transition is a paragraph of one
 * line, a character cue is a capitalised line with more lines under it). A line of two or more
 * spaces keeps a paragraph open, as the syntax asks for blank lines inside dialogue. Never throws:
 * any text is a screenplay, at worst one long action.
 */
public final class FountainParser {

    private static final Set<String> TITLE_KEYS =
            Set.of("title", "credit", "author", "authors", "source", "draft date", "date", "contact",
                    "copyright", "notes", "revision");
    private static final Pattern TITLE_LINE = Pattern.compile("^([A-Za-z][A-Za-z ]*):\\s*(.*)$");
    private static final Pattern BONEYARD = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern NOTE = Pattern.compile("(?s)\\[\\[(.*?)]]");
    private static final Pattern SCENE_START =
            Pattern.compile("^(?i)(INT\\.?/EXT|INT|EXT|EST|I/E)[. ].*");
    private static final Pattern SCENE_NUMBER = Pattern.compile("\\s*#([\\w.\\-]+)#\\s*$");
    private static final Pattern PAGE_BREAK = Pattern.compile("^\\s*={3,}\\s*$");
    private static final Pattern SECTION = Pattern.compile("^\\s*(#+)\\s*(.*)$");

    private FountainParser() {}

    public static Screenplay parse(String source) {
        String text = source == null ? "" : source;
        text = text.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ");
        text = BONEYARD.matcher(text).replaceAll("");
        List<String> lines = List.of(text.split("\n", -1));

        List<Screenplay.TitleField> titlePage = new ArrayList<>();
        int start = readTitlePage(lines, titlePage);

        List<ScriptElement> out = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean keepsOpen = !paragraph.isEmpty() && line.length() >= 2 && line.isBlank();
            if (line.isBlank() && !keepsOpen) {
                flush(paragraph, out);
            } else {
                paragraph.add(keepsOpen ? "" : stripTrailing(line));
            }
        }
        flush(paragraph, out);
        return new Screenplay(titlePage, out);
    }

    /** Reads {@code Key: value} lines (values may continue on indented lines) up to the first blank line. */
    private static int readTitlePage(List<String> lines, List<Screenplay.TitleField> fields) {
        if (lines.isEmpty() || !isTitleKeyLine(lines.get(0))) {
            return 0;
        }
        String key = null;
        List<String> values = new ArrayList<>();
        int i = 0;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                break;
            }
            Matcher m = TITLE_LINE.matcher(line.strip());
            if (isTitleKeyLine(line) && m.matches()) {
                if (key != null) {
                    fields.add(new Screenplay.TitleField(key, values));
                }
                key = m.group(1).strip().toLowerCase(Locale.ROOT);
                values = new ArrayList<>();
                if (!m.group(2).isBlank()) {
                    values.add(m.group(2).strip());
                }
            } else if (key != null && (line.startsWith("   "))) {
                values.add(line.strip());
            } else {
                // not a title page after all: an ordinary first paragraph
                fields.clear();
                return 0;
            }
        }
        if (key != null) {
            fields.add(new Screenplay.TitleField(key, values));
        }
        return i;
    }

    private static boolean isTitleKeyLine(String line) {
        if (line.startsWith(" ")) {
            return false;
        }
        Matcher m = TITLE_LINE.matcher(line.strip());
        return m.matches() && TITLE_KEYS.contains(m.group(1).strip().toLowerCase(Locale.ROOT));
    }

    private static void flush(List<String> paragraph, List<ScriptElement> out) {
        if (paragraph.isEmpty()) {
            return;
        }
        List<String> lines = withoutNotes(paragraph, out);
        paragraph.clear();
        while (!lines.isEmpty()) {
            lines = classify(lines, out);
        }
    }

    /**
     * Notes never print. A paragraph that is only notes becomes NOTE elements (so an editor can list
     * them); otherwise the notes are cut out of the text and lines left empty by that disappear.
     */
    private static List<String> withoutNotes(List<String> paragraph, List<ScriptElement> out) {
        String joined = String.join("\n", paragraph);
        if (!joined.contains("[[")) {
            return new ArrayList<>(paragraph);
        }
        Matcher m = NOTE.matcher(joined);
        String rest = m.replaceAll("");
        if (rest.isBlank()) {
            m.reset();
            while (m.find()) {
                out.add(ScriptElement.of(Kind.NOTE, m.group(1).strip()));
            }
            return new ArrayList<>();
        }
        List<String> lines = new ArrayList<>();
        String[] original = joined.split("\n", -1);
        String[] cut = rest.split("\n", -1);
        for (int i = 0; i < cut.length; i++) {
            String line = stripTrailing(cut[i]);
            // a line emptied by a note goes; a deliberate empty line (from "  ") stays
            if (!line.isEmpty() || (i < original.length && original[i].isEmpty())) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Emits the element(s) the paragraph's first line starts and returns the lines left over. */
    private static List<String> classify(List<String> lines, List<ScriptElement> out) {
        String first = lines.get(0);
        String trimmed = first.strip();
        List<String> rest = new ArrayList<>(lines.subList(1, lines.size()));

        if (trimmed.isEmpty()) {
            return rest;
        }
        if (PAGE_BREAK.matcher(first).matches()) {
            out.add(ScriptElement.of(Kind.PAGE_BREAK, ""));
            return rest;
        }
        Matcher section = SECTION.matcher(first);
        if (section.matches()) {
            out.add(new ScriptElement(Kind.SECTION, section.group(2).strip(), false, null,
                    section.group(1).length()));
            return rest;
        }
        if (trimmed.startsWith("=")) {
            out.add(ScriptElement.of(Kind.SYNOPSIS, trimmed.substring(1).strip()));
            return rest;
        }
        if (trimmed.startsWith("!")) {
            lines.set(0, first.replaceFirst("!", ""));
            out.add(ScriptElement.of(Kind.ACTION, String.join("\n", lines)));
            return List.of();
        }
        if (trimmed.startsWith(".") && trimmed.length() > 1 && trimmed.charAt(1) != '.') {
            addSceneHeading(trimmed.substring(1).strip(), out);
            return rest;
        }
        if (lines.size() == 1 && SCENE_START.matcher(trimmed).matches()) {
            addSceneHeading(trimmed, out);
            return rest;
        }
        if (isCentered(trimmed)) {
            int n = 0;
            List<String> centered = new ArrayList<>();
            while (n < lines.size() && isCentered(lines.get(n).strip())) {
                String c = lines.get(n).strip();
                centered.add(c.substring(1, c.length() - 1).strip());
                n++;
            }
            out.add(ScriptElement.of(Kind.CENTERED, String.join("\n", centered)));
            return new ArrayList<>(lines.subList(n, lines.size()));
        }
        if (trimmed.startsWith(">")) {
            out.add(ScriptElement.of(Kind.TRANSITION, trimmed.substring(1).strip()));
            return rest;
        }
        if (lines.size() == 1 && trimmed.endsWith("TO:") && isUpperCase(trimmed)) {
            out.add(ScriptElement.of(Kind.TRANSITION, trimmed));
            return rest;
        }
        if (trimmed.startsWith("~")) {
            List<String> lyric = new ArrayList<>();
            int n = 0;
            while (n < lines.size() && lines.get(n).strip().startsWith("~")) {
                lyric.add(lines.get(n).strip().substring(1).strip());
                n++;
            }
            out.add(ScriptElement.of(Kind.LYRIC, String.join("\n", lyric)));
            return new ArrayList<>(lines.subList(n, lines.size()));
        }
        if (lines.size() > 1 && isCue(trimmed)) {
            addDialogue(trimmed, rest, out);
            return List.of();
        }
        out.add(ScriptElement.of(Kind.ACTION, String.join("\n", lines)));
        return List.of();
    }

    private static void addSceneHeading(String heading, List<ScriptElement> out) {
        Matcher number = SCENE_NUMBER.matcher(heading);
        String sceneNumber = null;
        if (number.find()) {
            sceneNumber = number.group(1);
            heading = heading.substring(0, number.start()).strip();
        }
        out.add(new ScriptElement(Kind.SCENE_HEADING, heading, false, sceneNumber, 0));
    }

    private static boolean isCentered(String trimmed) {
        return trimmed.length() >= 2 && trimmed.startsWith(">") && trimmed.endsWith("<");
    }

    private static boolean isCue(String trimmed) {
        if (trimmed.startsWith("@")) {
            return trimmed.length() > 1;
        }
        String name = trimmed.endsWith("^") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        int paren = name.indexOf('(');
        if (paren >= 0) {
            name = name.substring(0, paren);
        }
        name = name.strip();
        // a capitalised heading with text under it is action (the heading lacks its blank line)
        return !name.isEmpty() && isUpperCase(name) && !SCENE_START.matcher(name).matches();
    }

    /** Capitalised: has a letter and no lower-case one (names may hold digits and punctuation). */
    private static boolean isUpperCase(String text) {
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static void addDialogue(String cueLine, List<String> speech, List<ScriptElement> out) {
        String cue = cueLine.startsWith("@") ? cueLine.substring(1).strip() : cueLine;
        boolean dual = cue.endsWith("^");
        if (dual) {
            cue = cue.substring(0, cue.length() - 1).strip();
            for (int i = out.size() - 1; i >= 0; i--) {
                if (out.get(i).kind() == Kind.CHARACTER) {
                    out.set(i, out.get(i).asDual());
                    break;
                }
                if (!isPartOfSpeech(out.get(i).kind())) {
                    break; // the other half must come right before; otherwise print it as ordinary dialogue
                }
            }
        }
        out.add(new ScriptElement(Kind.CHARACTER, cue, dual, null, 0));
        List<String> dialogue = new ArrayList<>();
        for (String line : speech) {
            String t = line.strip();
            if (t.startsWith("(") && t.endsWith(")")) {
                addSpeech(dialogue, out);
                out.add(ScriptElement.of(Kind.PARENTHETICAL, t));
            } else {
                dialogue.add(t);
            }
        }
        addSpeech(dialogue, out);
    }

    private static boolean isPartOfSpeech(Kind kind) {
        return kind == Kind.DIALOGUE || kind == Kind.PARENTHETICAL;
    }

    private static void addSpeech(List<String> dialogue, List<ScriptElement> out) {
        if (!dialogue.isEmpty()) {
            out.add(ScriptElement.of(Kind.DIALOGUE, String.join("\n", dialogue)));
            dialogue.clear();
        }
    }

    private static String stripTrailing(String line) {
        return line.stripTrailing();
    }
}

package id.modo.verse.studio.script;

import id.modo.verse.studio.script.ScriptElement.Kind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Lays a {@link Screenplay} out in the industry's screenplay format: pages of rows of text at fixed
 * positions, which {@link ScreenplayPdf} only draws.
 *
 * <p>The pagination is ours, not a layout engine's: a screenplay's page breaks follow rules CSS cannot
 * express ((MORE) at the foot and CHARACTER (CONT'D) at the head of the next page when a speech breaks,
 * never a scene heading alone at the foot, action split only with two lines on each side), and it works in
 * whole lines of a fixed-pitch font: 12 pt Courier is 10 characters an inch and 6 lines an inch.
 *
 * <p>Text is reduced to what the embedded Courier Prime can print (Latin with its extended accents, typographic
 * quotes and dashes): other characters become their base letter or {@code ?} rather than failing.
 */
final class ScreenplayLayout {

    static final float INCH = 72f;
    static final float FONT_SIZE = 12f;
    static final float LINE = 12f;
    static final float CHAR = FONT_SIZE * 0.6f;
    static final float LEFT = 1.5f * INCH;
    static final float RIGHT = INCH;
    static final float TOP = INCH;
    static final float BOTTOM = INCH;
    static final float CUE_X = 3.7f * INCH;
    static final float PARENTHETICAL_X = 3.1f * INCH;
    static final float DIALOGUE_X = 2.5f * INCH;
    static final int DIALOGUE_CHARS = 35;
    static final int PARENTHETICAL_CHARS = 25;
    static final String MORE = "(MORE)";
    static final String CONTD = "(CONT'D)";

    static final int BOLD = 1;
    static final int ITALIC = 2;
    static final int UNDERLINE = 4;


    final float width;
    final float height;
    private final int lineChars;
    private final int linesPerPage;

    ScreenplayLayout(ScreenplayPdf.Paper paper) {
        this.width = paper.size().getWidth();
        this.height = paper.size().getHeight();
        this.lineChars = (int) ((width - LEFT - RIGHT) / CHAR);
        this.linesPerPage = (int) ((height - TOP - BOTTOM) / LINE);
    }

    /** The body laid out in pages of rows (null is a blank row); the title page is not among them. */
    List<List<Row>> pages(Screenplay play) {
        return paginate(blocks(play.elements()));
    }

    /** {@link #pages} on {@code paper}. */
    static List<List<Row>> paginate(Screenplay play, ScreenplayPdf.Paper paper) {
        return new ScreenplayLayout(paper).pages(play);
    }

    // ---- layout model --------------------------------------------------------------------------

    /** A piece of text in one style. */
    record Run(String text, int style) {}

    enum Align { LEFT, RIGHT, CENTER }

    enum Role { CUE, PARENTHETICAL, SPEECH, OTHER }

    /** Text placed on a row: at x from the page's left edge, or against the right margin, or centred. */
    record Segment(float x, Align align, List<Run> runs) {
        int length() {
            return runs.stream().mapToInt(r -> r.text().length()).sum();
        }
    }

    /** One printed line; dual dialogue puts two segments on a row. */
    record Row(List<Segment> segments, Role role) {
        static Row of(float x, Align align, List<Run> runs, Role role) {
            return new Row(List.of(new Segment(x, align, runs)), role);
        }
    }

    /**
     * What pagination moves as a unit.
     *
     * @param cue for a speech: the cue to repeat with (CONT'D) when it breaks across pages
     */
    private record Block(Kind kind, int spaceBefore, List<Row> rows, String cue, boolean dual) {
        Block rest(List<Row> rows) {
            return new Block(kind, 0, rows, cue, dual);
        }
    }

    // ---- elements to blocks --------------------------------------------------------------------

    private List<Block> blocks(List<ScriptElement> elements) {
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < elements.size()) {
            ScriptElement e = elements.get(i);
            switch (e.kind()) {
                case SECTION, SYNOPSIS, NOTE -> i++;
                case PAGE_BREAK -> {
                    blocks.add(new Block(Kind.PAGE_BREAK, 0, List.of(), null, false));
                    i++;
                }
                case CHARACTER -> {
                    int end = endOfSpeech(elements, i);
                    if (e.dual() && end < elements.size() && elements.get(end).kind() == Kind.CHARACTER
                            && elements.get(end).dual()) {
                        int secondEnd = endOfSpeech(elements, end);
                        blocks.add(dualBlock(elements.subList(i, end), elements.subList(end, secondEnd)));
                        i = secondEnd;
                    } else {
                        blocks.add(speechBlock(elements.subList(i, end)));
                        i = end;
                    }
                }
                case PARENTHETICAL, DIALOGUE -> {
                    // only reachable for a speech without its cue, which the parser never makes; print it
                    blocks.add(speechRows(List.of(e), 0, 1, null));
                    i++;
                }
                default -> {
                    blocks.add(simpleBlock(e));
                    i++;
                }
            }
        }
        return blocks;
    }

    private static int endOfSpeech(List<ScriptElement> elements, int cue) {
        int end = cue + 1;
        while (end < elements.size()
                && (elements.get(end).kind() == Kind.DIALOGUE || elements.get(end).kind() == Kind.PARENTHETICAL)) {
            end++;
        }
        return end;
    }

    private Block simpleBlock(ScriptElement e) {
        List<Row> rows = new ArrayList<>();
        switch (e.kind()) {
            case SCENE_HEADING -> {
                String heading = e.text().toUpperCase(Locale.ROOT);
                for (List<Run> line : wrap(heading, lineChars)) {
                    rows.add(Row.of(LEFT, Align.LEFT, line, Role.OTHER));
                }
                if (e.sceneNumber() != null && !rows.isEmpty()) {
                    List<Run> number = List.of(new Run(clean(e.sceneNumber()), 0));
                    Row first = rows.get(0);
                    List<Segment> segments = new ArrayList<>(first.segments());
                    segments.add(new Segment(LEFT - 0.75f * INCH, Align.LEFT, number));
                    segments.add(new Segment(width - RIGHT + 0.5f * INCH, Align.LEFT, number));
                    rows.set(0, new Row(segments, Role.OTHER));
                }
            }
            case TRANSITION -> {
                for (List<Run> line : wrap(e.text().toUpperCase(Locale.ROOT), lineChars)) {
                    rows.add(Row.of(width - RIGHT, Align.RIGHT, line, Role.OTHER));
                }
            }
            case CENTERED -> {
                for (List<Run> line : wrap(e.text(), lineChars)) {
                    rows.add(Row.of(LEFT + (width - LEFT - RIGHT) / 2, Align.CENTER, line, Role.OTHER));
                }
            }
            case LYRIC -> {
                for (List<Run> line : wrap(e.text(), DIALOGUE_CHARS)) {
                    rows.add(Row.of(DIALOGUE_X, Align.LEFT, italic(line), Role.OTHER));
                }
            }
            default -> {
                for (List<Run> line : wrap(e.text(), lineChars)) {
                    rows.add(Row.of(LEFT, Align.LEFT, line, Role.OTHER));
                }
            }
        }
        return new Block(e.kind(), 1, rows, null, false);
    }

    private static List<Run> italic(List<Run> runs) {
        return runs.stream().map(r -> new Run(r.text(), r.style() | ITALIC)).toList();
    }

    private Block speechBlock(List<ScriptElement> speech) {
        return speechRows(speech, 0, 1, speech.get(0).text());
    }

    /**
     * A speech's rows. {@code offset} shifts everything left (dual dialogue's left column) and
     * {@code scale} narrows the measures (a column is half the width).
     */
    private Block speechRows(List<ScriptElement> speech, float offset, float scale, String cue) {
        List<Row> rows = new ArrayList<>();
        int dialogueChars = (int) (DIALOGUE_CHARS * scale);
        int parentheticalChars = (int) (PARENTHETICAL_CHARS * scale);
        for (ScriptElement e : speech) {
            switch (e.kind()) {
                case CHARACTER -> {
                    for (List<Run> line : wrap(e.text().strip(), Math.max(10, (int) ((width - RIGHT - CUE_X) / CHAR)))) {
                        rows.add(Row.of(offset + CUE_X - (1 - scale) * (CUE_X - DIALOGUE_X), Align.LEFT, line, Role.CUE));
                    }
                }
                case PARENTHETICAL -> {
                    for (List<Run> line : wrap(e.text(), parentheticalChars)) {
                        rows.add(Row.of(offset + PARENTHETICAL_X - (1 - scale) * (PARENTHETICAL_X - DIALOGUE_X),
                                Align.LEFT, line, Role.PARENTHETICAL));
                    }
                }
                default -> {
                    for (List<Run> line : wrap(e.text(), dialogueChars)) {
                        rows.add(Row.of(offset + DIALOGUE_X, Align.LEFT, line, Role.SPEECH));
                    }
                }
            }
        }
        return new Block(Kind.CHARACTER, 1, rows, cue, false);
    }

    /** Two speeches side by side, each in half the text width; never broken across pages. */
    private Block dualBlock(List<ScriptElement> left, List<ScriptElement> right) {
        float column = (width - LEFT - RIGHT) / 2;
        float scale = (column - 0.2f * INCH) / (DIALOGUE_CHARS * CHAR);
        List<Row> a = speechRows(left, LEFT - DIALOGUE_X, scale, null).rows();
        List<Row> b = speechRows(right, LEFT + column - DIALOGUE_X + 0.1f * INCH, scale, null).rows();
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < Math.max(a.size(), b.size()); r++) {
            List<Segment> segments = new ArrayList<>();
            if (r < a.size()) {
                segments.addAll(a.get(r).segments());
            }
            if (r < b.size()) {
                segments.addAll(b.get(r).segments());
            }
            rows.add(new Row(segments, Role.OTHER));
        }
        return new Block(Kind.CHARACTER, 1, rows, null, true);
    }

    // ---- pagination ----------------------------------------------------------------------------

    private List<List<Row>> paginate(List<Block> blocks) {
        List<List<Row>> pages = new ArrayList<>();
        List<Row> page = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            if (block.kind() == Kind.PAGE_BREAK) {
                if (!page.isEmpty()) {
                    pages.add(page);
                    page = new ArrayList<>();
                }
                continue;
            }
            Block pending = block;
            while (pending != null) {
                int space = page.isEmpty() ? 0 : pending.spaceBefore();
                int free = linesPerPage - page.size() - space;
                int needed = pending.rows().size();
                if (pending.kind() == Kind.SCENE_HEADING) {
                    needed += headOf(blocks, b + 1);
                }
                if (needed <= free || (page.isEmpty() && pending.rows().size() <= free)) {
                    addRows(page, space, pending.rows());
                    pending = null;
                    continue;
                }
                Split split = split(pending, free);
                if (split != null) {
                    addRows(page, space, split.here());
                    pending = split.rest();
                } else if (page.isEmpty()) {
                    // taller than a whole page and unbreakable by the rules: break it at the page's end
                    addRows(page, 0, pending.rows().subList(0, linesPerPage));
                    pending = pending.rest(pending.rows().subList(linesPerPage, pending.rows().size()));
                } else {
                    pages.add(page);
                    page = new ArrayList<>();
                    continue;
                }
                pages.add(page);
                page = new ArrayList<>();
            }
        }
        if (!page.isEmpty() || pages.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    /** The rows a scene heading needs below it: the blank line and up to two rows of what follows. */
    private static int headOf(List<Block> blocks, int next) {
        if (next >= blocks.size() || blocks.get(next).kind() == Kind.PAGE_BREAK) {
            return 0;
        }
        Block block = blocks.get(next);
        int rows = block.kind() == Kind.CHARACTER ? Math.min(block.rows().size(), 3) : Math.min(block.rows().size(), 2);
        return block.spaceBefore() + rows;
    }

    private static void addRows(List<Row> page, int space, List<Row> rows) {
        for (int s = 0; s < space; s++) {
            page.add(null);
        }
        page.addAll(rows);
    }

    private record Split(List<Row> here, Block rest) {}

    /** Where a block may break when only {@code free} rows are left on the page, or null to move it. */
    private Split split(Block block, int free) {
        List<Row> rows = block.rows();
        if (block.kind() == Kind.ACTION) {
            // two lines at least on each side: no orphan, no widow
            int keep = Math.min(free, rows.size() - 2);
            return keep < 2 ? null : new Split(rows.subList(0, keep), block.rest(rows.subList(keep, rows.size())));
        }
        if (block.kind() == Kind.CHARACTER && !block.dual() && block.cue() != null) {
            int cueRows = 0;
            while (cueRows < rows.size() && rows.get(cueRows).role() == Role.CUE) {
                cueRows++;
            }
            // the cue, at least one line of the speech and (MORE) here; at least one line there
            int keep = Math.min(free - 1, rows.size() - 1);
            while (keep > cueRows && rows.get(keep - 1).role() == Role.PARENTHETICAL) {
                keep--;
            }
            if (keep <= cueRows) {
                return null;
            }
            List<Row> here = new ArrayList<>(rows.subList(0, keep));
            here.add(Row.of(CUE_X, Align.LEFT, List.of(new Run(MORE, 0)), Role.OTHER));
            List<Row> there = new ArrayList<>();
            String cue = block.cue().strip();
            String continued = cue.toUpperCase(Locale.ROOT).contains(CONTD) ? cue : cue + " " + CONTD;
            for (List<Run> line : wrap(continued, Math.max(10, (int) ((width - RIGHT - CUE_X) / CHAR)))) {
                there.add(Row.of(CUE_X, Align.LEFT, line, Role.CUE));
            }
            there.addAll(rows.subList(keep, rows.size()));
            return new Split(here, new Block(block.kind(), 0, there, block.cue(), false));
        }
        return null;
    }

    // ---- text ----------------------------------------------------------------------------------

    /**
     * Fountain emphasis ({@code ***bold italic***}, {@code **bold**}, {@code *italic*},
     * {@code _underline_}, {@code \*} for a literal star) applied per line, then word-wrapped to
     * {@code chars} columns; a marker without its closing partner on the same line is plain text.
     */
    static List<List<Run>> wrap(String text, int chars) {
        List<List<Run>> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            StringBuilder plain = new StringBuilder();
            List<Integer> styles = new ArrayList<>();
            emphasis(clean(line), plain, styles);
            wrapLine(plain.toString(), styles, Math.max(1, chars), lines);
        }
        return lines;
    }

    private static void emphasis(String s, StringBuilder plain, List<Integer> styles) {
        int style = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '*' || s.charAt(i + 1) == '_')) {
                plain.append(s.charAt(i + 1));
                styles.add(style);
                i++;
                continue;
            }
            if (c == '*' || c == '_') {
                int run = 1;
                if (c == '*') {
                    while (run < 3 && i + run < n && s.charAt(i + run) == '*') {
                        run++;
                    }
                }
                int bit = c == '_' ? UNDERLINE : run == 3 ? BOLD | ITALIC : run == 2 ? BOLD : ITALIC;
                String marker = s.substring(i, i + run);
                if ((style & bit) == bit) {
                    style &= ~bit;
                    i += run - 1;
                    continue;
                }
                if (s.indexOf(marker, i + run + 1) > 0) {
                    style |= bit;
                    i += run - 1;
                    continue;
                }
            }
            plain.append(c);
            styles.add(style);
        }
    }

    private static void wrapLine(String plain, List<Integer> styles, int chars, List<List<Run>> out) {
        if (plain.isEmpty()) {
            out.add(List.of());
            return;
        }
        int start = 0;
        int n = plain.length();
        while (start < n) {
            int end = Math.min(n, start + chars);
            if (end < n) {
                int space = plain.lastIndexOf(' ', end);
                if (space > start) {
                    end = space;
                }
            }
            out.add(runs(plain, styles, start, end));
            start = end;
            while (start < n && plain.charAt(start) == ' ') {
                start++; // the space a line breaks at is not carried to the next line
            }
        }
    }

    private static List<Run> runs(String plain, List<Integer> styles, int from, int to) {
        List<Run> runs = new ArrayList<>();
        int i = from;
        while (i < to) {
            int style = styles.get(i);
            int j = i;
            while (j < to && styles.get(j) == style) {
                j++;
            }
            runs.add(new Run(plain.substring(i, j), style));
            i = j;
        }
        return runs;
    }

    /** One character out for each code point in: what Courier Prime lacks becomes its base letter or ?. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (encodable(cp)) {
                out.appendCodePoint(cp);
            } else {
                String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
                int first = base.isEmpty() ? '?' : base.codePointAt(0);
                out.appendCodePoint(first != cp && encodable(first) ? first : '?');
            }
        });
        return out.toString();
    }

    private static boolean encodable(int cp) {
        return ScreenplayPdfFonts.printable(cp);
    }

    /** Fountain text as plain words, for the document's properties. */
    static String plainText(String fountain) {
        StringBuilder plain = new StringBuilder();
        emphasis(clean(fountain.replace('\n', ' ')), plain, new ArrayList<>());
        return plain.toString();
    }

    /**
     * The title page: title, credit, author(s) and source centred a third of the way down; contact,
     * copyright and notes at the foot on the left; draft date and revision at the foot on the right.
     */
    List<Row> titlePage(Screenplay play) {
        Row[] rows = new Row[linesPerPage];
        float centre = LEFT + (width - LEFT - RIGHT) / 2;
        int row = linesPerPage / 3;
        for (String key : List.of("title", "credit", "author", "authors", "source")) {
            String value = play.title(key).orElse(null);
            if (value == null) {
                continue;
            }
            for (List<Run> line : wrap(value, lineChars)) {
                if (row < linesPerPage) {
                    rows[row++] = Row.of(centre, Align.CENTER, line, Role.OTHER);
                }
            }
            row += key.equals("title") ? 3 : 1;
        }
        List<List<Run>> left = new ArrayList<>();
        for (String key : List.of("contact", "copyright", "notes")) {
            play.title(key).ifPresent(v -> left.addAll(wrap(v, lineChars / 2)));
        }
        List<List<Run>> right = new ArrayList<>();
        for (String key : List.of("draft date", "date", "revision")) {
            play.title(key).ifPresent(v -> right.addAll(wrap(v, lineChars / 2)));
        }
        int foot = Math.max(left.size(), right.size());
        for (int i = 0; i < foot; i++) {
            int r = linesPerPage - foot + i;
            if (r <= row || r < 0) {
                continue; // a title page too full to fit its foot: the centre block wins
            }
            List<Segment> segments = new ArrayList<>();
            if (i < left.size()) {
                segments.add(new Segment(LEFT, Align.LEFT, left.get(i)));
            }
            if (i < right.size()) {
                segments.add(new Segment(width - RIGHT, Align.RIGHT, right.get(i)));
            }
            rows[r] = new Row(segments, Role.OTHER);
        }
        return Arrays.asList(rows);
    }
}

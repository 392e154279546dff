package id.modo.verse.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an uploaded subtitle file, SubRip (SRT) or WebVTT, into WebVTT, the format HLS players take: every cue's timing is
 * checked (a file with none, or with one that does not parse, is refused with the line that is wrong), SRT's comma
 * milliseconds become dots, its numbers and {@code <font>} tags are dropped (WebVTT has none).
 */
final class SubtitleFiles {

    private static final String TIME = "((?:\\d{1,3}:)?[0-5]?\\d:[0-5]\\d[.,]\\d{3})";
    private static final Pattern TIMING = Pattern.compile("^" + TIME + "\\s*-->\\s*" + TIME + "(?:\\s+(.*))?$");
    private static final Pattern FONT = Pattern.compile("(?i)</?font[^>]*>");

    private SubtitleFiles() {
    }

    /** A file that is not SRT or WebVTT, or has a broken cue; the message says where. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason);
        }
    }

    /** The file as WebVTT and how many cues it has. */
    record Converted(String vtt, int cues) {
    }

    static Converted toWebVtt(String text) {
        String body = text.replace("\r\n", "\n").replace('\r', '\n');
        if (body.startsWith("\uFEFF")) {
            body = body.substring(1);
        }
        if (body.isBlank()) {
            throw new Unreadable("The file is empty.");
        }
        return body.startsWith("WEBVTT") ? webVtt(body) : srt(body);
    }

    private static Converted webVtt(String body) {
        String header = body.lines().findFirst().orElse("");
        if (!header.equals("WEBVTT") && !header.startsWith("WEBVTT ") && !header.startsWith("WEBVTT\t")) {
            throw new Unreadable("Line 1: a WebVTT file starts with a line 'WEBVTT'.");
        }
        String[] lines = body.split("\n", -1);
        int cues = 0;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].contains("-->")) {
                cue(lines[i], i + 1);
                cues++;
            }
        }
        if (cues == 0) {
            throw new Unreadable("There is no cue in this file (a line such as '00:00:01.000 --> 00:00:03.000').");
        }
        return new Converted(body.endsWith("\n") ? body : body + "\n", cues);
    }

    private static Converted srt(String body) {
        String[] lines = body.split("\n", -1);
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        int cues = 0;
        int i = 0;
        while (i < lines.length) {
            while (i < lines.length && lines[i].isBlank()) {
                i++;
            }
            if (i >= lines.length) {
                break;
            }
            if (lines[i].strip().matches("\\d+") && i + 1 < lines.length) {
                i++;
            }
            Matcher timing = cue(lines[i], i + 1);
            vtt.append('\n').append(vttTime(timing.group(1))).append(" --> ").append(vttTime(timing.group(2))).append('\n');
            i++;
            List<String> text = new ArrayList<>();
            while (i < lines.length && !lines[i].isBlank()) {
                text.add(FONT.matcher(lines[i]).replaceAll("").replace("-->", "->"));
                i++;
            }
            text.forEach(line -> vtt.append(line).append('\n'));
            cues++;
        }
        if (cues == 0) {
            throw new Unreadable("There is no cue in this file.");
        }
        return new Converted(vtt.toString(), cues);
    }

    /** The line's timing, which must parse and not end before it starts. */
    private static Matcher cue(String line, int number) {
        Matcher m = TIMING.matcher(line.strip());
        if (!m.matches()) {
            throw new Unreadable("Line " + number + ": '" + shorten(line) + "' is not a cue timing such as 00:00:01,000 --> 00:00:03,000. "
                    + "Upload an SRT or WebVTT file.");
        }
        if (millis(m.group(2)) < millis(m.group(1))) {
            throw new Unreadable("Line " + number + ": the cue ends before it starts.");
        }
        return m;
    }

    private static String vttTime(String time) {
        String dotted = time.replace(',', '.');
        return dotted.chars().filter(c -> c == ':').count() == 1 ? "00:" + dotted : dotted;
    }

    private static long millis(String time) {
        String[] parts = time.replace(',', '.').split(":");
        long total = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            total = total * 60 + Long.parseLong(parts[i]);
        }
        String[] seconds = parts[parts.length - 1].split("\\.");
        return (total * 60 + Long.parseLong(seconds[0])) * 1000 + Long.parseLong(seconds[1]);
    }

    private static String shorten(String line) {
        String stripped = line.strip();
        return stripped.length() > 60 ? stripped.substring(0, 60) + "…" : stripped;
    }
}

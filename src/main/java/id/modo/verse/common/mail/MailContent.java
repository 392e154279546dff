package id.modo.verse.common.mail;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a template mail says, already translated: the model of {@code mail/message.jte} (HTML, every
 * value escaped by JTE) and of {@link #text()} (plain text).
 *
 * @param lang the language tag of the text ({@code en}, {@code id})
 * @param actionUrl the link the mail is about, or {@code null}
 * @param linkHint what to do when the button does not work (shown above the bare link)
 */
public record MailContent(String lang, String subject, String greeting, List<String> paragraphs, String actionLabel,
        @Nullable String actionUrl, String linkHint, List<String> notes, String signature) {

    public MailContent {
        paragraphs = List.copyOf(paragraphs);
        notes = List.copyOf(notes);
    }

    /** The same mail with its first note (how long the link works) replaced. */
    MailContent withValidity(String validity) {
        List<String> changed = new java.util.ArrayList<>(notes);
        changed.set(0, validity);
        return new MailContent(lang, subject, greeting, paragraphs, actionLabel, actionUrl, linkHint, changed, signature);
    }

    /** The plain-text body: the link stands on its own line, so it can be copied from a log too. */
    public String text() {
        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        paragraphs.forEach(paragraph -> text.append(paragraph).append("\n\n"));
        if (actionUrl != null) {
            text.append(actionLabel).append(":\n").append(actionUrl).append("\n\n");
        }
        if (!notes.isEmpty()) {
            text.append(String.join("\n", notes)).append("\n\n");
        }
        return text.append(signature).append('\n').toString();
    }
}

package id.modo.verse.invest;

import java.time.Instant;
import java.util.UUID;

/** A campaign update: {@code content} is the creator's Markdown, {@code html} the same rendered and sanitized. */
public record UpdateView(UUID id, UUID campaignId, UUID authorId, String title, String content, String html, String visibility,
        Instant createdAt) {

    public boolean backersOnly() {
        return "backers_only".equals(visibility);
    }
}

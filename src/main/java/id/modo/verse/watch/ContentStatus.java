package id.modo.verse.watch;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a content is in its life: draft → processing (a video is uploaded and transcoded) → published → archived,
 * and back: a failed transcode returns processing to draft; an archived content can be published again.
 */
public enum ContentStatus {
    DRAFT, PROCESSING, PUBLISHED, ARCHIVED;

    Set<ContentStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PROCESSING);
            case PROCESSING -> EnumSet.of(PUBLISHED, DRAFT);
            case PUBLISHED -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.of(PUBLISHED);
        };
    }

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}

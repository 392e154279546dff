package id.modo.verse.studio.section;

import id.modo.verse.studio.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The current version of one part of a character or universe: its number (the next save's {@code base_version}) and who saved it when. */
public record PartVersion(int number, UUID savedById, String savedByName, Instant savedAt) {

    /** The parts' current versions, by part, as the versions store answers them. */
    public static Map<String, PartVersion> of(Map<String, Version> current) {
        Map<String, PartVersion> parts = new LinkedHashMap<>();
        current.forEach((part, v) -> parts.put(part, new PartVersion(v.number(), v.author() == null ? null : v.author().value(),
                v.authorName(), v.createdAt())));
        return parts;
    }
}

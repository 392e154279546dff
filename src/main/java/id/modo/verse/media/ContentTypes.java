package id.modo.verse.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Decides what a file is from its bytes (Tika's magic numbers). The name may only refine a type the
 * content already established (a ZIP container into .docx), never choose one: a script named
 * {@code cat.jpg} stays text, and HTML or SVG, which a browser would run, is refused whatever its name.
 */
final class ContentTypes {

    /** Images the ImageIO readers on the class path (the JDK's plus TwelveMonkeys' JPEG and WebP) decode. */
    static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp", "image/x-ms-bmp",
            "image/tiff");

    private static final Set<String> DOCUMENTS = Set.of("application/pdf", "text/plain", "text/csv", "application/rtf",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/x-tika-msoffice",
            "application/x-tika-ooxml", "application/epub+zip");

    private static final Set<String> DOCUMENT_PREFIXES = Set.of("application/vnd.openxmlformats-officedocument.",
            "application/vnd.oasis.opendocument.");

    private final Tika tika = new Tika();

    /** The detected media type, without parameters, lower case. */
    String detect(Path file, String originalName) throws IOException {
        Metadata metadata = new Metadata();
        if (originalName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, originalName);
        }
        try (TikaInputStream in = TikaInputStream.get(file)) {
            String type = tika.detect(in, metadata);
            int semicolon = type.indexOf(';');
            return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        }
    }

    /** Which kind of asset a media type is, or empty for types we do not store. */
    static Optional<AssetType> classify(String mimeType) {
        if (IMAGES.contains(mimeType)) {
            return Optional.of(AssetType.IMAGE);
        }
        if (mimeType.startsWith("audio/") || mimeType.equals("application/ogg")) {
            return Optional.of(AssetType.AUDIO);
        }
        if (mimeType.startsWith("video/")) {
            return Optional.of(AssetType.VIDEO);
        }
        if (DOCUMENTS.contains(mimeType) || DOCUMENT_PREFIXES.stream().anyMatch(mimeType::startsWith)) {
            return Optional.of(AssetType.DOCUMENT);
        }
        return Optional.empty();
    }
}

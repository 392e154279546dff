package id.modo.verse.studio.section;

import id.modo.verse.common.ProblemException;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.AssetId;
import id.modo.verse.media.AssetType;
import id.modo.verse.media.AssetView;
import id.modo.verse.media.Assets;
import id.modo.verse.media.MediaProblems;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.studio.ProjectAccess;
import id.modo.verse.studio.ProjectId;
import id.modo.verse.studio.ProjectView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Pictures of characters and universes, stored through the media module. A character or universe
 * keeps a stable reference, {@code /media/{assetId}}, never a signed URL (those expire); pages and
 * the API turn the reference into a fetchable URL when they show it.
 */
@Component
public class StudioImages {

    private static final Pattern REFERENCE = Pattern.compile("/media/([0-9a-fA-F-]{36})");

    private final Assets assets;
    private final ProjectAccess access;

    StudioImages(Assets assets, ProjectAccess access) {
        this.assets = assets;
        this.access = access;
    }

    /**
     * Stores an uploaded picture for the project and answers its reference. The caller has checked
     * the actor may edit the project's section; anything but an image is refused with 415.
     */
    public String upload(UserId actor, ProjectView project, String category, String originalName, InputStream content) {
        AssetView asset = assets.upload(actor, project.organizationId(), project.id().value(), category, originalName, content);
        if (asset.type() != AssetType.IMAGE) {
            assets.delete(actor, asset.id());
            throw new ProblemException(MediaProblems.UNSUPPORTED_TYPE, "Only pictures can be used here.");
        }
        return "/media/" + asset.id().value();
    }

    /** True when the reference points at a picture (an image) this organization uploaded. */
    public boolean isPicture(OrganizationId organization, String reference) {
        return asset(reference).flatMap(id -> assets.find(organization, id)).filter(a -> a.type() == AssetType.IMAGE).isPresent();
    }

    /** True for a {@code /media/{id}} reference, whatever it points at. */
    public static boolean isReference(String value) {
        return asset(value).isPresent();
    }

    /** Removes a picture a reference points at, when it is one of this organization's uploads. */
    public void discard(UserId actor, OrganizationId organization, String reference) {
        asset(reference).flatMap(id -> assets.find(organization, id)).ifPresent(asset -> {
            try {
                assets.delete(actor, asset.id());
            } catch (ProblemException e) {
                // Someone else's upload the actor may not delete stays; the quota is theirs to manage.
            }
        });
    }

    /** Turns the project's picture references into URLs the caller can fetch now; 404 when they may not see the project. */
    public Function<String, String> links(UserId caller, ProjectId project) {
        OrganizationId organization = access.read(caller, project).organizationId();
        return reference -> url(organization, reference);
    }

    /** A URL the reader's browser can fetch now, or null when the reference is empty or points nowhere. */
    public String url(OrganizationId organization, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        return pictures(organization, List.of(reference)).url(reference);
    }

    /** The thumbnail's URL when there is one, else the picture's. */
    public String thumbnailUrl(OrganizationId organization, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        return pictures(organization, List.of(reference)).thumbnailUrl(reference);
    }

    /** {@link #thumbnailUrl} for many references at once (one query), keyed by reference; empty and dangling ones are left out. */
    public Map<String, String> thumbnailUrls(OrganizationId organization, Collection<String> references) {
        Pictures pictures = pictures(organization, references);
        Map<String, String> urls = new HashMap<>();
        references.forEach(reference -> {
            String url = pictures.thumbnailUrl(reference);
            if (url != null) {
                urls.put(reference, url);
            }
        });
        return urls;
    }

    /** A picture's bytes and type, for a document that embeds it (the bible PDF). */
    public record Picture(String mimeType, byte[] bytes) {
    }

    /**
     * The picture a reference points at, read through the media module: empty when it is not an image of this
     * organization or is larger than {@code maxBytes}. The caller has checked the reader may see the project.
     */
    public Optional<Picture> read(OrganizationId organization, String reference, long maxBytes) {
        Optional<AssetView> asset = asset(reference).flatMap(id -> assets.find(organization, id))
                .filter(a -> a.type() == AssetType.IMAGE && a.sizeBytes() <= maxBytes);
        if (asset.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<InputStream> in = assets.open(organization, asset.get().id(), 0, -1);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream stream = in.get()) {
                return Optional.of(new Picture(asset.get().mimeType(), stream.readNBytes((int) maxBytes)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pictures of many references in one query, for a page that shows many (the public bible). */
    public Pictures pictures(OrganizationId organization, Collection<String> references) {
        Map<String, AssetId> ids = new HashMap<>();
        references.forEach(reference -> asset(reference).ifPresent(id -> ids.put(reference, id)));
        return new Pictures(ids, assets.find(organization, Set.copyOf(ids.values())));
    }

    /** Pictures found at once; each method answers as {@link #url} and {@link #thumbnailUrl} would, without a query. */
    public static final class Pictures {

        private final Map<String, AssetId> ids;
        private final Map<AssetId, AssetView> found;

        private Pictures(Map<String, AssetId> ids, Map<AssetId, AssetView> found) {
            this.ids = ids;
            this.found = found;
        }

        public String url(String reference) {
            AssetView asset = find(reference);
            return asset == null ? null : local(asset.url());
        }

        public String thumbnailUrl(String reference) {
            AssetView asset = find(reference);
            return asset == null ? null : thumbnailOf(asset);
        }

        private AssetView find(String reference) {
            AssetId id = reference == null ? null : ids.get(reference);
            return id == null ? null : found.get(id);
        }
    }

    private static String thumbnailOf(AssetView asset) {
        return local(asset.thumbnailUrl() != null ? asset.thumbnailUrl() : asset.url());
    }

    static Optional<AssetId> asset(String reference) {
        Matcher m = reference == null ? null : REFERENCE.matcher(reference.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AssetId.of(UUID.fromString(m.group(1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The URL's path and query, so pages fetch from whatever host served them. */
    private static String local(URI url) {
        if (url == null) {
            return null;
        }
        return url.getRawQuery() == null ? url.getRawPath() : url.getRawPath() + "?" + url.getRawQuery();
    }
}

package id.modo.verse.media;

import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.Page;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.MediaEvents.AssetDeleted;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.OrganizationStorage;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization's uploaded files: images, audio, video and documents. Bytes are streamed to the
 * storage port (never held whole in memory), their type is decided from the content, images are
 * re-encoded without metadata and get a thumbnail, and every stored byte counts against the
 * organization's storage quota, exactly, however many uploads and deletes run at once.
 * <p>
 * Receiving and storing the bytes, and removing them, is {@link AssetFiles}'s; this class answers for the rows,
 * who may see and change them, and the URLs they are read at.
 */
@Service
public class Assets {

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final OrganizationStorage quota;
    private final FileStorage storage;
    private final AssetFiles files;
    private final SignedUrls signedUrls;
    private final MediaProperties properties;
    private final ModoProperties modo;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectProvider<ProjectDirectory> projects;

    Assets(JdbcClient jdbc, Organizations organizations, OrganizationStorage quota, FileStorage storage, AssetFiles files,
            SignedUrls signedUrls, MediaProperties properties, ModoProperties modo, ApplicationEventPublisher events,
            TransactionTemplate transactions, Clock clock, ObjectProvider<ProjectDirectory> projects) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.organizations = organizations;
        this.quota = quota;
        this.storage = storage;
        this.files = files;
        this.signedUrls = signedUrls;
        this.properties = properties;
        this.modo = modo;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A private upload; see {@link #upload(UserId, OrganizationId, UUID, String, String, InputStream, AssetVisibility)}. */
    public AssetView upload(UserId actor, OrganizationId org, UUID projectIdOrNull, String category, String originalName,
            InputStream content) {
        return upload(actor, org, projectIdOrNull, category, originalName, content, AssetVisibility.PRIVATE);
    }

    /**
     * Stores a file for the organization. The caller has checked the actor may write to the project
     * (if any); here the actor must be a member who may edit content. Answers 415 for a type that is
     * not an image, audio, video or document, 413 when the file is over the upload limit or does
     * not fit in what is left of the quota (the problem says how much is left).
     *
     * @param category optional, lower-case letters, digits, '-' and '_' (e.g. {@code character}, {@code logo})
     * @param originalName the client's file name, kept for display and downloads only
     */
    public AssetView upload(UserId actor, OrganizationId org, UUID projectIdOrNull, String category, String originalName,
            InputStream content, AssetVisibility visibility) {
        return view(files.receive(actor, org, projectIdOrNull, category, originalName, content, visibility), properties.signedUrlValidity());
    }

    /** Whether the actor may see a file's project (files without a project follow the organization alone). */
    private boolean seesProject(UserId actor, Row row) {
        ProjectDirectory directory = projects.getIfAvailable();
        return row.projectId() == null || directory == null || directory.visibleTo(actor, row.projectId()).isPresent();
    }

    /** One asset, for a member of its organization; 404 for anyone else, as for a missing one. */
    public AssetView get(UserId actor, AssetId id) {
        Row row = load(id).orElseThrow(Assets::notFound);
        organizations.require(actor, OrganizationId.of(row.organizationId()), Permission.VIEW);
        if (!seesProject(actor, row)) {
            throw notFound();
        }
        return view(row, properties.signedUrlValidity());
    }

    /**
     * An asset of the organization without a person's access check, for callers that decided
     * access themselves (a public bible page shows its project's public pictures).
     */
    public Optional<AssetView> find(OrganizationId org, AssetId id) {
        return load(id).filter(row -> row.organizationId().equals(org.value())).map(row -> view(row, properties.signedUrlValidity()));
    }

    /** As {@link #find(OrganizationId, AssetId)} for many at once (one query), keyed by id; missing ones are left out. */
    public Map<AssetId, AssetView> find(OrganizationId org, Collection<AssetId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Duration validity = properties.signedUrlValidity();
        Map<AssetId, AssetView> found = new java.util.HashMap<>();
        jdbc.sql("select * from assets where organization_id = :org and id in (:ids)")
                .param("org", org.value())
                .param("ids", ids.stream().map(AssetId::value).toList())
                .query(Assets::row)
                .list()
                .forEach(row -> found.put(AssetId.of(row.id()), view(row, validity)));
        return found;
    }

    /**
     * The organization's assets the actor may see (not those of projects hidden from them), newest
     * first, optionally only one project's or one type's.
     */
    public Page<AssetView> page(UserId actor, OrganizationId org, UUID projectIdOrNull, AssetType typeOrNull, String cursor, int limit) {
        organizations.require(actor, org, Permission.VIEW);
        int size = Keyset.clamp(limit);
        KeysetCursor after = Keyset.after(cursor);
        StringBuilder where = new StringBuilder("organization_id = :org");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("org", org.value());
        if (projectIdOrNull != null) {
            where.append(" and project_id = :project");
            params.put("project", projectIdOrNull);
        }
        ProjectDirectory directory = projects.getIfAvailable();
        Set<UUID> hidden = directory == null ? Set.of() : directory.hiddenFrom(actor, org);
        if (!hidden.isEmpty()) {
            where.append(" and (project_id is null or project_id not in (:hidden))");
            params.put("hidden", hidden);
        }
        if (typeOrNull != null) {
            where.append(" and type = :type");
            params.put("type", typeOrNull.dbValue());
        }
        if (after != null) {
            where.append(" and (created_at, id) < (:afterAt, :afterId)");
            params.put("afterAt", after.createdAt().atOffset(ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        params.put("fetch", Keyset.fetch(size));
        List<Row> rows = jdbc.sql("select * from assets where " + where + " order by created_at desc, id desc limit :fetch")
                .params(params)
                .query(Assets::row)
                .list();
        Duration validity = properties.signedUrlValidity();
        return Keyset.page(rows, size, row -> new KeysetCursor(row.createdAt(), row.id())).map(row -> view(row, validity));
    }

    /** Removes an asset and its bytes and gives its bytes back to the quota. Members who may edit content. */
    public void delete(UserId actor, AssetId id) {
        Row row = load(id).orElseThrow(Assets::notFound);
        organizations.require(actor, OrganizationId.of(row.organizationId()), Permission.EDIT_CONTENT);
        if (!seesProject(actor, row)) {
            throw notFound();
        }
        ProjectDirectory directory = projects.getIfAvailable();
        if (row.projectId() != null && directory != null) {
            directory.requireFileEditor(actor, row.projectId(), row.category());
        }
        if (!deleteRow(row, actor.value())) {
            throw notFound();
        }
        files.deleteFiles(row);
    }

    /**
     * Reads {@code length} bytes from {@code offset} ({@code length} &lt; 0: to the end) of an asset of the organization,
     * for a module that decided access itself (Watch reads a source to transcode it and streams its renditions to the
     * viewers it let in); empty when the organization has no such asset. The caller closes the stream.
     */
    public Optional<InputStream> open(OrganizationId org, AssetId id, long offset, long length) throws IOException {
        Optional<Row> row = load(id).filter(r -> r.organizationId().equals(org.value()));
        return row.isEmpty() ? Optional.empty() : Optional.of(storage.open(row.get().storagePath(), offset, length));
    }

    /** A short-lived URL to the asset's bytes; the caller has checked the reader may see it. */
    public URI signedUrl(AssetId id, Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(properties.signedUrlMaxValidity()) > 0) {
            throw new ProblemException(ProblemType.VALIDATION, "Some parameters are not valid.", Map.of("errors", List.of(
                    new FieldError("expires_in", "must be between 1 and " + properties.signedUrlMaxValidity().toSeconds()
                            + " seconds"))));
        }
        long expires = clock.instant().plus(validity).getEpochSecond();
        return modo.link("/media/" + id.value() + "?expires=" + expires + "&signature=" + signedUrls.sign(id, expires));
    }

    /** When a URL from {@link #signedUrl} stops working. */
    public Instant signedUrlExpiry(URI url) {
        String query = url.getRawQuery();
        for (String part : query.split("&")) {
            if (part.startsWith("expires=")) {
                return Instant.ofEpochSecond(Long.parseLong(part.substring("expires=".length())));
            }
        }
        throw new IllegalArgumentException("Not a signed URL: " + url);
    }

    /**
     * Removes every file of a project (its trash purge): rows, bytes and their quota. System work,
     * audited without an actor.
     */
    public void deleteProjectFiles(OrganizationId org, UUID projectId) {
        List<Row> rows = jdbc.sql("select * from assets where organization_id = ? and project_id = ?")
                .params(org.value(), projectId)
                .query(Assets::row)
                .list();
        for (Row row : rows) {
            if (deleteRow(row, null)) {
                files.deleteFiles(row);
            }
        }
    }

    /** The row behind an asset, for the file endpoint, which decides access by visibility and signature. */
    Optional<Row> load(AssetId id) {
        return jdbc.sql("select * from assets where id = ?").param(id.value()).query(Assets::row).optional();
    }

    FileStorage storage() {
        return storage;
    }

    SignedUrls.Check checkSignature(AssetId id, String expires, String signature) {
        return signedUrls.check(id, expires, signature, clock.instant());
    }

    private boolean deleteRow(Row row, UUID actor) {
        Boolean deleted = transactions.execute(status -> {
            int n = jdbc.sql("delete from assets where id = ?").param(row.id()).update();
            if (n == 0) {
                return false;
            }
            quota.releaseStorage(OrganizationId.of(row.organizationId()), row.sizeBytes());
            events.publishEvent(new AssetDeleted(row.id(), row.organizationId(), row.projectId(), actor, row.originalName(),
                    row.sizeBytes()));
            return true;
        });
        return Boolean.TRUE.equals(deleted);
    }

    /** The database's view of an asset. */
    record Row(UUID id, UUID organizationId, UUID projectId, UUID uploadedBy, String originalName, String mimeType, long sizeBytes,
            String storagePath, String thumbnailPath, AssetType type, String category, AssetVisibility visibility, String sha256,
            Integer width, Integer height, Instant createdAt) {
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        String metadata = rs.getString("metadata");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("uploaded_by", UUID.class), rs.getString("original_name"), rs.getString("mime_type"),
                rs.getLong("size_bytes"), rs.getString("storage_path"), rs.getString("thumbnail_path"),
                AssetType.fromDb(rs.getString("type")), rs.getString("category"), AssetVisibility.fromDb(rs.getString("visibility")),
                rs.getString("content_sha256"), jsonInt(metadata, "width"), jsonInt(metadata, "height"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The two numbers this module writes into metadata; anything else there is left alone. */
    private static Integer jsonInt(String json, String field) {
        if (json == null) {
            return null;
        }
        java.util.regex.Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d{1,9})").matcher(json);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    AssetView view(Row row, Duration validity) {
        AssetId id = AssetId.of(row.id());
        URI url;
        URI thumbnail;
        Instant expiresAt;
        if (row.visibility() == AssetVisibility.PUBLIC) {
            url = modo.link("/media/" + id.value());
            thumbnail = row.thumbnailPath() == null ? null : modo.link("/media/" + id.value() + "/thumbnail");
            expiresAt = null;
        } else {
            // Rounded up to the minute, so pages rendered within a minute share URLs and the browser cache.
            long expires = (clock.instant().plus(validity).getEpochSecond() / 60 + 1) * 60;
            String query = "?expires=" + expires + "&signature=" + signedUrls.sign(id, expires);
            url = modo.link("/media/" + id.value() + query);
            thumbnail = row.thumbnailPath() == null ? null : modo.link("/media/" + id.value() + "/thumbnail" + query);
            expiresAt = Instant.ofEpochSecond(expires);
        }
        return new AssetView(id, OrganizationId.of(row.organizationId()), row.projectId(), row.type(), row.mimeType(), row.sizeBytes(),
                row.originalName(), row.category(), row.visibility(), row.thumbnailPath() != null, row.width(), row.height(),
                row.createdAt(), url, thumbnail, expiresAt);
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such asset.");
    }

}

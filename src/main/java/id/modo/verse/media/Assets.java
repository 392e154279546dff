package id.modo.verse.media;

import id.modo.verse.common.ConstraintViolations;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.Keyset;
import id.modo.verse.common.KeysetCursor;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.Page;
import id.modo.verse.common.PrivateFiles;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.MediaEvents.AssetDeleted;
import id.modo.verse.media.MediaEvents.AssetUploaded;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization's uploaded files: images, audio, video and documents. Bytes are streamed to the
 * storage port (never held whole in memory), their type is decided from the content, images are
 * re-encoded without metadata and get a thumbnail, and every stored byte counts against the
 * organization's storage quota, exactly, however many uploads and deletes run at once.
 */
@Service
public class Assets {

    private static final Logger log = LoggerFactory.getLogger(Assets.class);
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    private static final int COPY_BUFFER = 256 * 1024;

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final FileStorage storage;
    private final ContentTypes contentTypes = new ContentTypes();
    private final ImageProcessing images;
    private final SignedUrls signedUrls;
    private final MediaProperties properties;
    private final ModoProperties modo;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path incoming;
    private final ObjectProvider<ProjectDirectory> projects;

    Assets(JdbcClient jdbc, Organizations organizations, FileStorage storage, SignedUrls signedUrls, MediaProperties properties,
            ModoProperties modo, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            ObjectProvider<ProjectDirectory> projects) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.organizations = organizations;
        this.storage = storage;
        this.signedUrls = signedUrls;
        this.properties = properties;
        this.modo = modo;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.images = new ImageProcessing(properties.maxImagePixels(), properties.thumbnailSize());
        this.incoming = modo.dataDir().resolve("media").resolve("incoming").toAbsolutePath();
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
        organizations.require(actor, org, Permission.EDIT_CONTENT);
        Upload upload = new Upload(category(category), displayName(originalName), projectIdOrNull, visibility);
        requireProjectFileEditor(actor, org, upload);
        Organizations.StorageUsage usage = organizations.storageUsage(org);
        long maxUpload = properties.maxUploadSize().toBytes();
        Path raw = newIncomingFile();
        try {
            // Stops reading as soon as the file cannot fit: a 2 GB video sent to an almost full organization fails fast.
            long cap = Math.min(maxUpload, usage.remainingBytes());
            long size = copy(content, raw, cap);
            if (size > cap) {
                throw cap == maxUpload && maxUpload < usage.remainingBytes() ? tooLarge(maxUpload) : quotaExceeded(org);
            }
        } catch (IOException e) {
            deleteScratch(raw);
            throw new UncheckedIOException("Could not receive an upload", e);
        } catch (RuntimeException e) {
            deleteScratch(raw);
            throw e;
        }
        return store(actor, org, upload, raw);
    }

    /** What the uploader said about a file, checked. */
    record Upload(String category, String name, UUID projectId, AssetVisibility visibility) {
    }

    /**
     * Checks a file the web layer already received to disk (a multipart part) before it is moved in:
     * the uploader's permission, the fields and whether {@code size} can fit at all.
     */
    Upload checkUpload(UserId actor, OrganizationId org, UUID projectIdOrNull, String category, String originalName,
            AssetVisibility visibility, long size) {
        organizations.require(actor, org, Permission.EDIT_CONTENT);
        Upload upload = new Upload(category(category), displayName(originalName), projectIdOrNull, visibility);
        requireProjectFileEditor(actor, org, upload);
        long maxUpload = properties.maxUploadSize().toBytes();
        if (size > maxUpload) {
            throw tooLarge(maxUpload);
        }
        if (size > organizations.storageUsage(org).remainingBytes()) {
            throw quotaExceeded(org);
        }
        return upload;
    }

    /** A file filed under a project: the project must be this organization's, and the actor may change its files of that kind. */
    private void requireProjectFileEditor(UserId actor, OrganizationId org, Upload upload) {
        ProjectDirectory directory = projects.getIfAvailable();
        if (upload.projectId() == null || directory == null) {
            return;
        }
        if (!directory.visibleTo(actor, upload.projectId()).filter(org::equals).isPresent()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", List.of(
                    new FieldError("project_id", "is not a project of this organization"))));
        }
        directory.requireFileEditor(actor, upload.projectId(), upload.category());
    }

    /** Whether the actor may see a file's project (files without a project follow the organization alone). */
    private boolean seesProject(UserId actor, Row row) {
        ProjectDirectory directory = projects.getIfAvailable();
        return row.projectId() == null || directory == null || directory.visibleTo(actor, row.projectId()).isPresent();
    }

    /** A new empty file in the incoming folder, on the same disk as the local store so storing it is a rename. */
    Path newIncomingFile() {
        try {
            return PrivateFiles.createTempFile(incoming, "upload-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a file for an upload in " + incoming, e);
        }
    }

    /**
     * Stores a received file: detects its type, re-encodes images, moves the bytes to storage and
     * counts them against the quota with the row, in one transaction. Takes {@code raw} over.
     */
    AssetView store(UserId actor, OrganizationId org, Upload upload, Path raw) {
        List<Path> scratch = new ArrayList<>(List.of(raw));
        try {
            if (Files.size(raw) == 0) {
                throw new ProblemException(MediaProblems.EMPTY_FILE, "The file has no content.");
            }
            String detected = contentTypes.detect(raw, upload.name());
            AssetType type = ContentTypes.classify(detected).orElseThrow(() -> new ProblemException(MediaProblems.UNSUPPORTED_TYPE,
                    "Files of type " + detected + " are not accepted. Upload images, audio, video or documents (PDF, office, text)."));
            Path stored = raw;
            Path thumbnail = null;
            String mimeType = detected;
            String name = upload.name();
            Integer width = null;
            Integer height = null;
            if (type == AssetType.IMAGE) {
                ImageProcessing.Result result = images.process(raw, detected);
                scratch.add(result.image());
                scratch.add(result.thumbnail());
                stored = result.image();
                thumbnail = result.thumbnail();
                mimeType = result.mimeType();
                width = result.width();
                height = result.height();
                name = withExtension(name, mimeType);
            }
            long storedSize = Files.size(stored);
            String sha256 = sha256(stored);
            AssetId id = AssetId.of(UUID.randomUUID());
            String key = key(org, id, "original");
            String thumbnailKey = thumbnail == null ? null : key(org, id, "thumbnail");
            Row row = new Row(id.value(), org.value(), upload.projectId(), actor.value(), name, mimeType, storedSize, key, thumbnailKey,
                    type, upload.category(), upload.visibility(), sha256, width, height, clock.instant());
            storage.put(key, stored, mimeType);
            try {
                if (thumbnail != null) {
                    storage.put(thumbnailKey, thumbnail, mimeType);
                }
                transactions.executeWithoutResult(status -> {
                    if (!organizations.reserveStorage(org, storedSize)) {
                        throw quotaExceeded(org);
                    }
                    insert(row);
                    events.publishEvent(new AssetUploaded(row.id(), row.organizationId(), row.projectId(), row.uploadedBy(),
                            row.type().dbValue(), row.mimeType(), row.sizeBytes(), row.originalName(), row.category()));
                });
                return view(row, properties.signedUrlValidity());
            } catch (RuntimeException e) {
                deleteQuietly(key);
                if (thumbnailKey != null) {
                    deleteQuietly(thumbnailKey);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store an upload", e);
        } finally {
            scratch.forEach(Assets::deleteScratch);
        }
    }

    private static void deleteScratch(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the scratch file {}", file, e);
        }
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
        deleteFiles(row);
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
                deleteFiles(row);
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
            organizations.releaseStorage(OrganizationId.of(row.organizationId()), row.sizeBytes());
            events.publishEvent(new AssetDeleted(row.id(), row.organizationId(), row.projectId(), actor, row.originalName(),
                    row.sizeBytes()));
            return true;
        });
        return Boolean.TRUE.equals(deleted);
    }

    private void deleteFiles(Row row) {
        deleteQuietly(row.storagePath());
        if (row.thumbnailPath() != null) {
            deleteQuietly(row.thumbnailPath());
        }
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (IOException | RuntimeException e) {
            // The row is gone and the quota given back; a leftover file only costs disk, never a wrong answer.
            log.warn("Could not remove the stored file {}", key, e);
        }
    }

    private void insert(Row row) {
        try {
            jdbc.sql("""
                    insert into assets (id, organization_id, project_id, uploaded_by, filename, original_name, mime_type, size_bytes,
                        storage_path, thumbnail_path, type, category, visibility, content_sha256, metadata, created_at)
                    values (:id, :org, :project, :by, :filename, :name, :mime, :size, :path, :thumb, :type, :category, :visibility,
                        :sha, cast(:metadata as jsonb), :at)""")
                    .param("id", row.id()).param("org", row.organizationId()).param("project", row.projectId())
                    .param("by", row.uploadedBy()).param("filename", row.id() + "-" + row.originalName())
                    .param("name", row.originalName()).param("mime", row.mimeType()).param("size", row.sizeBytes())
                    .param("path", row.storagePath()).param("thumb", row.thumbnailPath()).param("type", row.type().dbValue())
                    .param("category", row.category()).param("visibility", row.visibility().dbValue()).param("sha", row.sha256())
                    .param("metadata", row.width() == null ? "{}" : "{\"width\":" + row.width() + ",\"height\":" + row.height() + "}")
                    .param("at", Timestamp.from(row.createdAt()))
                    .update();
        } catch (DataIntegrityViolationException e) {
            if (!ConstraintViolations.isForeignKey(e)) {
                throw e;
            }
            // The only reference a client chooses is the project.
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", List.of(
                    new FieldError("project_id", "is not a project of this organization"))));
        }
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

    /** Copies at most {@code cap + 1} bytes, so the caller learns the stream was too long without reading all of it. */
    private static long copy(InputStream content, Path target, long cap) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = content.read(buffer)) > 0) {
                total += n;
                if (total > cap) {
                    return total;
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file);
                    DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                in.transferTo(out);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private ProblemException quotaExceeded(OrganizationId org) {
        Organizations.StorageUsage now = organizations.storageUsage(org);
        return new ProblemException(MediaProblems.QUOTA_EXCEEDED, "This file does not fit in the organization's storage: " + now.remainingBytes()
                + " bytes are left of " + now.limitBytes() + ". Delete files or upgrade the plan.",
                Map.of("remaining_bytes", now.remainingBytes(), "used_bytes", now.usedBytes(), "limit_bytes", now.limitBytes()));
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(MediaProblems.FILE_TOO_LARGE, "A single upload may be at most " + max + " bytes.", Map.of("max_bytes", max));
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such asset.");
    }

    private static String key(OrganizationId org, AssetId id, String variant) {
        return org.value() + "/" + id.value() + "/" + variant;
    }

    private static String category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String clean = category.strip().toLowerCase(java.util.Locale.ROOT);
        if (!CATEGORY.matcher(clean).matches()) {
            throw new ProblemException(ProblemType.VALIDATION, "Some fields are not valid.", Map.of("errors", List.of(
                    new FieldError("category", "must be 1 to 100 lower-case letters, digits, '-' or '_'"))));
        }
        return clean;
    }

    /** The last path segment of the client's name, without control characters, at most 200 characters. */
    static String displayName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "file" : name;
    }

    private static String withExtension(String name, String mimeType) {
        String extension = mimeType.equals("image/jpeg") ? ".jpg" : ".png";
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + extension;
    }
}

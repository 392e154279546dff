package id.modo.verse.media;

import id.modo.verse.common.ConstraintViolations;
import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.PrivateFiles;
import id.modo.verse.common.FieldError;
import id.modo.verse.common.ProblemException;
import id.modo.verse.common.ProblemType;
import id.modo.verse.identity.UserId;
import id.modo.verse.media.Assets.Row;
import id.modo.verse.media.MediaEvents.AssetUploaded;
import id.modo.verse.organization.OrganizationId;
import id.modo.verse.organization.OrganizationStorage;
import id.modo.verse.organization.PlanUpgrades;
import id.modo.verse.organization.Organizations;
import id.modo.verse.organization.Permission;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bytes behind {@link Assets}: an upload is checked, received into scratch space, typed from its content,
 * re-encoded if it is an image, hashed and put in storage, then counted against the quota with its row in one
 * transaction; a deleted asset's bytes are removed. Hands {@link Assets.Row}s back, never views.
 */
@Component
class AssetFiles {

    private static final Logger log = LoggerFactory.getLogger(AssetFiles.class);
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    private static final int COPY_BUFFER = 256 * 1024;

    private final ObjectProvider<PlanUpgrades> upgrades;
    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final OrganizationStorage quota;
    private final FileStorage storage;
    private final ContentTypes contentTypes = new ContentTypes();
    private final ImageProcessing images;
    private final MediaProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path incoming;
    private final ObjectProvider<ProjectDirectory> projects;

    AssetFiles(JdbcClient jdbc, Organizations organizations, OrganizationStorage quota, FileStorage storage, MediaProperties properties,
            ModoProperties modo, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, ObjectProvider<ProjectDirectory> projects,
            ObjectProvider<PlanUpgrades> upgrades) {
        this.upgrades = upgrades;
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.quota = quota;
        this.storage = storage;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.projects = projects;
        this.images = new ImageProcessing(properties.maxImagePixels(), properties.thumbnailSize());
        this.incoming = modo.dataDir().resolve("media").resolve("incoming").toAbsolutePath();
    }

    /** Receives a stream into scratch space, stopping once it cannot fit, and stores it; see {@link Assets#upload}. */
    Row receive(UserId actor, OrganizationId org, UUID projectIdOrNull, String category, String originalName,
            InputStream content, AssetVisibility visibility) {
        organizations.require(actor, org, Permission.EDIT_CONTENT);
        Upload upload = new Upload(category(category), displayName(originalName), projectIdOrNull, visibility);
        requireProjectFileEditor(actor, org, upload);
        OrganizationStorage.StorageUsage usage = quota.storageUsage(org);
        long maxUpload = properties.maxUploadSize().toBytes();
        Path raw = newIncomingFile();
        try {
            // Stops reading as soon as the file cannot fit: a 2 GB video sent to an almost full organization fails fast.
            long cap = Math.min(maxUpload, usage.remainingBytes());
            long size = copy(content, raw, cap);
            if (size > cap) {
                throw cap == maxUpload && maxUpload < usage.remainingBytes() ? tooLarge(maxUpload) : quotaExceeded(org, size);
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
        if (size > quota.storageUsage(org).remainingBytes()) {
            throw quotaExceeded(org, size);
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
    Row store(UserId actor, OrganizationId org, Upload upload, Path raw) {
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
                    if (!quota.reserveStorage(org, storedSize)) {
                        throw quotaExceeded(org, storedSize);
                    }
                    insert(row);
                    events.publishEvent(new AssetUploaded(row.id(), row.organizationId(), row.projectId(), row.uploadedBy(),
                            row.type().dbValue(), row.mimeType(), row.sizeBytes(), row.originalName(), row.category()));
                });
                return row;
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
            scratch.forEach(AssetFiles::deleteScratch);
        }
    }

    private static void deleteScratch(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove the scratch file {}", file, e);
        }
    }

    void deleteFiles(Row row) {
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

    /** {@code size} is the file's, or as much of it as was read before it could not fit. */
    private ProblemException quotaExceeded(OrganizationId org, long size) {
        OrganizationStorage.StorageUsage now = quota.storageUsage(org);
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("remaining_bytes", now.remainingBytes());
        members.put("used_bytes", now.usedBytes());
        members.put("limit_bytes", now.limitBytes());
        PlanUpgrades plans = upgrades.getIfAvailable();
        if (plans != null) {
            members.putAll(plans.limitReached(org, "storage_bytes", now.usedBytes(), now.limitBytes(), now.usedBytes() + size));
        }
        return new ProblemException(MediaProblems.QUOTA_EXCEEDED, "This file does not fit in the organization's storage: " + now.remainingBytes()
                + " bytes are left of " + now.limitBytes() + ". Delete files or upgrade the plan"
                + (members.containsKey("upgrade_url") ? " on " + members.get("upgrade_url") : "") + ".", members);
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(MediaProblems.FILE_TOO_LARGE, "A single upload may be at most " + max + " bytes.", Map.of("max_bytes", max));
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

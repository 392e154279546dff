package id.modo.verse.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's storage quota: the bytes its files use against the limit its plan sets
 * ({@link Organizations#applyPlan}). Counted by the module that stores files, one conditional
 * statement a change, so parallel uploads and deletes never lose a byte.
 */
@Service
public class OrganizationStorage {

    private final JdbcClient jdbc;

    OrganizationStorage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An organization's storage: bytes in use and its plan's limit. */
    public record StorageUsage(long usedBytes, long limitBytes) {
        public long remainingBytes() {
            return Math.max(0, limitBytes - usedBytes);
        }
    }

    @Transactional(readOnly = true)
    public StorageUsage storageUsage(OrganizationId id) {
        return jdbc.sql("select storage_used_bytes, storage_limit_bytes from organizations where id = ?")
                .param(id.value())
                .query((rs, row) -> new StorageUsage(rs.getLong(1), rs.getLong(2)))
                .optional()
                .orElseThrow(Organizations::notFound);
    }

    /**
     * Counts {@code bytes} against the organization's storage quota if they fit, in one conditional
     * UPDATE, so parallel uploads can never push the total over the limit nor lose an increment.
     * Only for the module that stores files; joins the caller's transaction.
     *
     * @return true if reserved, false if the bytes do not fit in what is left
     */
    @Transactional
    public boolean reserveStorage(OrganizationId id, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
        return jdbc.sql("""
                update organizations set storage_used_bytes = storage_used_bytes + :bytes
                where id = :id and storage_used_bytes + :bytes <= storage_limit_bytes""")
                .param("bytes", bytes).param("id", id.value())
                .update() == 1;
    }

    /** Gives back bytes of a deleted file; never below zero. Joins the caller's transaction. */
    @Transactional
    public void releaseStorage(OrganizationId id, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
        jdbc.sql("update organizations set storage_used_bytes = greatest(0, storage_used_bytes - :bytes) where id = :id")
                .param("bytes", bytes).param("id", id.value())
                .update();
    }
}

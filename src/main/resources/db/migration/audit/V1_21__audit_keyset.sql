-- audit module: keyset pagination of the audit log, newest first.
-- An organization's log is read by (organization_id, created_at, id); the platform-wide log by
-- (created_at, id). Both orders end in id so that rows written in the same microsecond page in a
-- stable order. See docs/schema.md, "Added for features".

CREATE INDEX idx_audit_org_keyset ON audit_logs (organization_id, created_at DESC, id DESC);
CREATE INDEX idx_audit_keyset ON audit_logs (created_at DESC, id DESC);

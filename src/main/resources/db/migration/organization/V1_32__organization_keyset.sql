-- organization: keyset pagination of an organization's members and invitations.
-- Members are listed in the order they joined, by (organization_id, joined_at, user_id);
-- invitations newest first, by (organization_id, created_at, id). Both end in a unique column so
-- that rows written in the same microsecond page in a stable order. See docs/schema.md,
-- "Added for features".

CREATE INDEX idx_org_members_keyset ON organization_members (organization_id, joined_at, user_id);
CREATE INDEX idx_invitations_org_keyset ON invitations (organization_id, created_at DESC, id DESC);

-- organization: optimistic locking for the Organization aggregate (see docs/schema.md, "Added for features").
ALTER TABLE organizations ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

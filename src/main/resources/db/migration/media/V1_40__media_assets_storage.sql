-- media: what the file store needs beyond the ERD's assets columns (see docs/schema.md)

-- private: served only through short-lived signed URLs; public: a stable URL with cache headers
-- (logos and pictures of a published bible).
ALTER TABLE assets ADD COLUMN visibility VARCHAR(20) NOT NULL DEFAULT 'private'
  CONSTRAINT ck_assets_visibility CHECK (visibility IN ('private', 'public'));
-- The storage key of the thumbnail; thumbnail_url stays for a CDN address, as storage_path has cdn_url.
ALTER TABLE assets ADD COLUMN thumbnail_path TEXT;
-- SHA-256 of the stored bytes: the ETag, and a check that what is served is what was stored.
ALTER TABLE assets ADD COLUMN content_sha256 CHAR(64);

-- Keyset pages of an organization's and a project's assets, newest first.
CREATE INDEX idx_assets_org_keyset ON assets (organization_id, created_at DESC, id DESC);
CREATE INDEX idx_assets_project_keyset ON assets (project_id, created_at DESC, id DESC) WHERE project_id IS NOT NULL;

-- Studio, part 1: projects in the trash, the project's share of AI credits, optimistic locking, addresses unique
-- per organization, and the version history every Studio save goes through. Deviations from the ERD are in
-- docs/schema.md.

ALTER TABLE projects
  ADD COLUMN deleted_at TIMESTAMPTZ,
  ADD COLUMN modo_tokens BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN version BIGINT NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_projects_modo_tokens CHECK (modo_tokens >= 0);

-- A project's address is unique in its organization: /p/{org}/{project} finds one project.
CREATE UNIQUE INDEX uq_projects_org_slug ON projects (organization_id, slug);
-- The organization's project list, newest first, keyset-paged; and the trash.
CREATE INDEX idx_projects_org_keyset ON projects (organization_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX idx_projects_trash ON projects (organization_id, deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE studio_versions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  entity_type VARCHAR(50) NOT NULL, -- story, character, universe, script…
  entity_id UUID NOT NULL,
  section VARCHAR(100) NOT NULL, -- details, beats, want_need, psychological…
  number INTEGER NOT NULL,
  content TEXT NOT NULL,
  source VARCHAR(20) NOT NULL, -- manual, ai, restore
  restored_from UUID REFERENCES studio_versions(id) ON DELETE SET NULL,
  author_id UUID REFERENCES users(id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  is_current BOOLEAN NOT NULL DEFAULT TRUE,

  CONSTRAINT uq_studio_versions_number UNIQUE (entity_type, entity_id, section, number),
  CONSTRAINT ck_studio_versions_number CHECK (number > 0),
  CONSTRAINT ck_studio_versions_source CHECK (source IN ('manual', 'ai', 'restore'))
);
-- Exactly one current version per section.
CREATE UNIQUE INDEX uq_studio_versions_current ON studio_versions (entity_type, entity_id, section) WHERE is_current;
-- A project's history, newest first, keyset-paged.
CREATE INDEX idx_studio_versions_project ON studio_versions (project_id, created_at DESC, id DESC);
CREATE INDEX idx_studio_versions_author ON studio_versions (author_id);
CREATE INDEX idx_studio_versions_restored_from ON studio_versions (restored_from);

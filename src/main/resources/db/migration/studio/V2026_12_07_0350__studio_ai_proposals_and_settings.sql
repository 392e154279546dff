-- Studio part 2, AI flows: a generation's result is kept as a version that is not current (an AI proposal) until the
-- user accepts or discards it; and each project's AI settings. See docs/schema.md ("Added for features").

ALTER TABLE studio_versions
  ADD COLUMN proposal_status VARCHAR(20),
  ADD COLUMN generation_id UUID,
  ADD CONSTRAINT ck_studio_versions_proposal CHECK (proposal_status IS NULL
      OR (proposal_status IN ('pending', 'accepted') AND source = 'ai'));
-- A section's pending proposals, for its page's review panel.
CREATE INDEX idx_studio_versions_pending ON studio_versions (entity_type, entity_id, section) WHERE proposal_status = 'pending';

CREATE TABLE project_ai_settings (
  project_id UUID PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  tone VARCHAR(200),
  audience VARCHAR(200),
  language VARCHAR(2) NOT NULL DEFAULT 'en',
  monthly_credit_allotment INTEGER,
  updated_by UUID REFERENCES users(id) ON DELETE SET NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  CONSTRAINT ck_project_ai_settings_language CHECK (language IN ('en', 'id')),
  CONSTRAINT ck_project_ai_settings_allotment CHECK (monthly_credit_allotment IS NULL OR monthly_credit_allotment >= 1)
);
CREATE INDEX idx_project_ai_settings_updated_by ON project_ai_settings (updated_by);

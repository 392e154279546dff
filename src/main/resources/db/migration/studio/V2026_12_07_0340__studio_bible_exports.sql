-- IP bible PDFs (issue 16): one row per finished export, the PDF itself a media asset (assets.id, no foreign key:
-- media owns that table, and a PDF deleted from the media library leaves the row answering 404). The job's id is
-- unique so a job run again after its node died records its export once.
CREATE TABLE bible_exports (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  job_id UUID NOT NULL,
  asset_id UUID NOT NULL,
  language VARCHAR(2) NOT NULL,
  sections JSONB NOT NULL,
  page_count INTEGER NOT NULL,
  size_bytes BIGINT NOT NULL,
  created_by UUID REFERENCES users(id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  CONSTRAINT uq_bible_exports_job_id UNIQUE (job_id),
  CONSTRAINT ck_bible_exports_language CHECK (language IN ('en', 'id')),
  CONSTRAINT ck_bible_exports_page_count CHECK (page_count > 0),
  CONSTRAINT ck_bible_exports_size_bytes CHECK (size_bytes > 0)
);

-- The download and the page read a project's latest export.
CREATE INDEX idx_bible_exports_project_latest ON bible_exports (project_id, created_at DESC, id DESC);

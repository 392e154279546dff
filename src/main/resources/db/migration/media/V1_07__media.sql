-- media module: assets
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE assets (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  project_id UUID REFERENCES projects(id) ON DELETE SET NULL,
  uploaded_by UUID REFERENCES users(id),

  -- File Info
  filename VARCHAR(255) NOT NULL,
  original_name VARCHAR(255),
  mime_type VARCHAR(100),
  size_bytes BIGINT, -- BIGINT, not the ERD's INTEGER: files over 2 GiB

  -- Storage
  storage_path TEXT NOT NULL,
  cdn_url TEXT,
  thumbnail_url TEXT,

  -- Classification
  type VARCHAR(50), -- image, video, audio, document
  category VARCHAR(100), -- character, moodboard, reference, logo, etc

  -- AI Generated
  ai_generated BOOLEAN NOT NULL DEFAULT FALSE,
  ai_prompt TEXT,

  -- Metadata
  metadata JSONB NOT NULL DEFAULT '{}',

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_assets_type CHECK (type IN ('image', 'video', 'audio', 'document')),
  CONSTRAINT ck_assets_size_bytes CHECK (size_bytes >= 0)
);
CREATE INDEX idx_assets_organization_id ON assets (organization_id);
CREATE INDEX idx_assets_project_id ON assets (project_id);
CREATE INDEX idx_assets_uploaded_by ON assets (uploaded_by);

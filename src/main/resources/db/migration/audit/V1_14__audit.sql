-- audit module: audit_logs
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE audit_logs (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID REFERENCES organizations(id) ON DELETE SET NULL,
  user_id UUID REFERENCES users(id) ON DELETE SET NULL,

  -- Action
  action VARCHAR(100) NOT NULL, -- create, update, delete, login, logout, export, etc

  -- Target
  entity_type VARCHAR(50) NOT NULL, -- project, character, order, investment, etc
  entity_id UUID,

  -- Changes
  old_values JSONB,
  new_values JSONB,

  -- Context
  ip_address VARCHAR(50),
  user_agent TEXT,

  -- Metadata
  metadata JSONB NOT NULL DEFAULT '{}',

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE INDEX idx_audit_org ON audit_logs (organization_id);
CREATE INDEX idx_audit_user ON audit_logs (user_id);
CREATE INDEX idx_audit_entity ON audit_logs (entity_type, entity_id);
CREATE INDEX idx_audit_created ON audit_logs (created_at);

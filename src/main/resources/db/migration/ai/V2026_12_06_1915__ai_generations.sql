-- ai module: one row per generation asked for through the gateway's API (ai.GenerationRequests), its credits and
-- its result; ai_usage_logs keeps one row per generation that ended, written in the transaction that settles its
-- credit reservation, so the ledger and the usage log always agree.

CREATE TABLE ai_generations (
  id UUID PRIMARY KEY,
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users(id),
  -- Studio's project the generation is for; no foreign key, as ai sits below studio (checked through GenerationProjects).
  project_id UUID,
  type VARCHAR(50) NOT NULL,
  input JSONB NOT NULL DEFAULT '{}',
  -- The prompt template's file version (synopsis.v1), so a result can be traced to the words that asked for it.
  template_version VARCHAR(60) NOT NULL,
  -- stream and sync answer the request itself; job runs in common.jobs (images, Prefer: respond-async).
  mode VARCHAR(10) NOT NULL,
  status VARCHAR(20) NOT NULL DEFAULT 'pending',
  result_text TEXT,
  result_json JSONB,
  result_asset_id UUID,
  error TEXT,
  -- What the user was shown and held (the type's price, or the token-priced upper bound), and what was spent.
  credits_price INTEGER NOT NULL,
  credits_charged INTEGER,
  reservation_id UUID,
  job_id UUID,
  provider VARCHAR(50),
  model VARCHAR(100),
  own_key BOOLEAN NOT NULL DEFAULT FALSE,
  fell_back_to_platform_key BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  started_at TIMESTAMPTZ,
  finished_at TIMESTAMPTZ,

  CONSTRAINT ck_ai_generations_status CHECK (status IN ('pending', 'running', 'completed', 'failed', 'cancelled')),
  CONSTRAINT ck_ai_generations_mode CHECK (mode IN ('sync', 'stream', 'job')),
  CONSTRAINT ck_ai_generations_credits CHECK (credits_price >= 0 AND coalesce(credits_charged, 0) >= 0
      AND coalesce(credits_charged, 0) <= credits_price)
);
CREATE INDEX idx_ai_generations_organization ON ai_generations (organization_id, created_at DESC);
-- The concurrency limit counts an organization's running generations and serves its waiting ones oldest first.
CREATE INDEX idx_ai_generations_active ON ai_generations (organization_id, created_at) WHERE status IN ('pending', 'running');

ALTER TABLE ai_usage_logs DROP CONSTRAINT ck_ai_usage_logs_status;
ALTER TABLE ai_usage_logs ADD CONSTRAINT ck_ai_usage_logs_status CHECK (status IN ('success', 'error', 'timeout', 'cancelled'));
-- One usage row per generation: a settle that runs twice (a retried job) cannot log twice.
CREATE UNIQUE INDEX ux_ai_usage_logs_generation ON ai_usage_logs ((request_metadata ->> 'generation_id'))
  WHERE request_metadata ? 'generation_id';

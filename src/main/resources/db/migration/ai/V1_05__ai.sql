-- ai module: ai_usage_logs, user_api_keys
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE ai_usage_logs (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id UUID REFERENCES users(id),
  project_id UUID, -- Optional link to project

  endpoint VARCHAR(100) NOT NULL, -- /api/ai/generate-script, etc
  provider VARCHAR(50), -- openai, gemini, anthropic
  model VARCHAR(100), -- gpt-4o, gemini-1.5-pro, etc

  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  credits_used INTEGER NOT NULL DEFAULT 0,
  cost_usd DECIMAL(10,6),

  duration_ms INTEGER,
  status VARCHAR(50), -- success, error, timeout
  error_message TEXT,

  request_metadata JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_ai_usage_logs_status CHECK (status IN ('success', 'error', 'timeout')),
  CONSTRAINT ck_ai_usage_logs_input_tokens CHECK (input_tokens >= 0),
  CONSTRAINT ck_ai_usage_logs_output_tokens CHECK (output_tokens >= 0),
  CONSTRAINT ck_ai_usage_logs_credits_used CHECK (credits_used >= 0),
  CONSTRAINT ck_ai_usage_logs_cost_usd CHECK (cost_usd >= 0),
  CONSTRAINT ck_ai_usage_logs_duration_ms CHECK (duration_ms >= 0)
);
CREATE INDEX idx_ai_usage_logs_organization_id ON ai_usage_logs (organization_id);
CREATE INDEX idx_ai_usage_logs_user_id ON ai_usage_logs (user_id);

CREATE TABLE user_api_keys (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organization_id UUID REFERENCES organizations(id) ON DELETE CASCADE,

  provider VARCHAR(50) NOT NULL, -- openai, gemini, anthropic, stability
  name VARCHAR(100),
  api_key_encrypted TEXT NOT NULL, -- Encrypted API key

  is_valid BOOLEAN NOT NULL DEFAULT TRUE,
  last_validated_at TIMESTAMPTZ,
  usage_count INTEGER NOT NULL DEFAULT 0,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_user_api_keys_usage_count CHECK (usage_count >= 0)
);
CREATE INDEX idx_user_api_keys_user_id ON user_api_keys (user_id);
CREATE INDEX idx_user_api_keys_organization_id ON user_api_keys (organization_id);

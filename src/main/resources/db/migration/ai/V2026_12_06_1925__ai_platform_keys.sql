-- ai module: the platform's provider keys set by platform admins on /admin/ai/keys (settings MODO_AI_* win over them).
-- One row per provider; api_key_encrypted is AES-256-GCM under MODO_MASTER_KEY with the row's id as associated data,
-- shown again only by key_last_four. The compatible server needs a base URL and may go without a key.

CREATE TABLE ai_platform_keys (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  provider VARCHAR(50) NOT NULL,
  api_key_encrypted TEXT,
  key_last_four VARCHAR(4),
  base_url VARCHAR(500),
  model VARCHAR(100),
  updated_by UUID REFERENCES users(id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  CONSTRAINT uq_ai_platform_keys_provider UNIQUE (provider),
  CONSTRAINT ck_ai_platform_keys_provider CHECK (provider IN ('openai', 'anthropic', 'gemini', 'compatible')),
  CONSTRAINT ck_ai_platform_keys_key CHECK ((api_key_encrypted IS NULL) = (key_last_four IS NULL)
      AND (provider = 'compatible' OR api_key_encrypted IS NOT NULL)),
  CONSTRAINT ck_ai_platform_keys_base_url CHECK (provider <> 'compatible' OR base_url IS NOT NULL)
);

-- The admins' usage dashboard reads every organization's rows of a date range.
CREATE INDEX idx_ai_usage_logs_created_at ON ai_usage_logs (created_at);

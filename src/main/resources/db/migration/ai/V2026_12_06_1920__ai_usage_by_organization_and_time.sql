-- ai module: the organization's usage page and API sum ai_usage_logs over a range of days, per organization.
CREATE INDEX idx_ai_usage_logs_organization_created_at ON ai_usage_logs (organization_id, created_at);

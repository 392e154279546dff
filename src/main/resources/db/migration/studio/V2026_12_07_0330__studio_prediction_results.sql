-- Audience prediction of Studio part 2 (issue 16): what the fitted model (studio.prediction.AudienceModel) answered
-- besides the ERD's columns. input_data keeps the fifteen factors as sent; model_inputs the traits the model read
-- (taken from the request or the project's story); the gross in US dollars with its 80 % interval from held-out
-- residuals; the audience interval in the market's tickets; the comparable real films; and the state of the AI
-- suggestions (not_configured when no provider serves the organization, pending while the generation runs).
ALTER TABLE performance_predictions
  ADD COLUMN created_by UUID REFERENCES users(id) ON DELETE SET NULL,
  ADD COLUMN model_inputs JSONB NOT NULL DEFAULT '{}',
  ADD COLUMN gross_usd NUMERIC(16, 2),
  ADD COLUMN gross_low_usd NUMERIC(16, 2),
  ADD COLUMN gross_high_usd NUMERIC(16, 2),
  ADD COLUMN market CHAR(3),
  ADD COLUMN ticket_price NUMERIC(14, 2),
  ADD COLUMN usd_rate NUMERIC(14, 4),
  ADD COLUMN audience_low INTEGER,
  ADD COLUMN audience_high INTEGER,
  ADD COLUMN drivers JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN comparables JSONB NOT NULL DEFAULT '[]',
  ADD COLUMN suggestions_status VARCHAR(20) NOT NULL DEFAULT 'not_configured',
  ADD COLUMN suggestions_generation_id UUID,
  ADD CONSTRAINT ck_performance_predictions_gross CHECK (gross_low_usd >= 0 AND gross_low_usd <= gross_usd AND gross_usd <= gross_high_usd),
  ADD CONSTRAINT ck_performance_predictions_audience CHECK (audience_low >= 0 AND audience_low <= predicted_audience
    AND predicted_audience <= audience_high),
  ADD CONSTRAINT ck_performance_predictions_ticket_price CHECK (ticket_price > 0),
  ADD CONSTRAINT ck_performance_predictions_usd_rate CHECK (usd_rate > 0),
  ADD CONSTRAINT ck_performance_predictions_suggestions_status CHECK (suggestions_status IN ('not_configured', 'pending', 'ready', 'failed'));

-- A project's predictions are listed newest first with keyset paging.
CREATE INDEX idx_performance_predictions_project_keyset ON performance_predictions (project_id, created_at DESC, id DESC);

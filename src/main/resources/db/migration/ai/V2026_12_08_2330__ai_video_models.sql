-- ai module: video models (OpenAI's Videos API, sora-2) for a beat's AI video. A video model says which lengths it
-- makes (video_seconds, the provider's allowed set) and is priced per second of video: credits_per_second (NULL: the
-- generation type's price per video) and usd_per_second for the usage log's cost_usd.
ALTER TABLE ai_models DROP CONSTRAINT ck_ai_models_kind;
ALTER TABLE ai_models ADD CONSTRAINT ck_ai_models_kind CHECK (kind IN ('text', 'image', 'video'));
ALTER TABLE ai_models ADD COLUMN video_seconds INTEGER[];
ALTER TABLE ai_models ADD COLUMN credits_per_second NUMERIC(12,4);
ALTER TABLE ai_models ADD COLUMN usd_per_second NUMERIC(12,6);
ALTER TABLE ai_models ADD CONSTRAINT ck_ai_models_video CHECK ((kind = 'video') = (video_seconds IS NOT NULL)
    AND coalesce(cardinality(video_seconds), 1) > 0
    AND coalesce(credits_per_second, 0) >= 0 AND coalesce(usd_per_second, 0) >= 0);

INSERT INTO ai_models (provider, model, kind, video_seconds, credits_per_second, usd_per_second, is_default, fallback_position) VALUES
  ('openai', 'sora-2', 'video', '{4,8,12}', 10, 0.100000, TRUE, 10);

INSERT INTO ai_generation_prices (generation_type, credits) VALUES ('beat_video', 80);

-- The provider's own id of a video being made (OpenAI's video_...), kept as soon as it is created, so a job run again
-- after a restart follows that video instead of paying for a second one.
ALTER TABLE ai_generations ADD COLUMN provider_job_id VARCHAR(200);

-- Animatics of Studio part 2 (issue 16): an ffmpeg render of a beat's moodboard pictures, or of the whole story (the
-- beats' renders one after the other). One row per render; the page and the API show the newest of each beat and of the
-- story. The video, its poster and, for WebVTT captions, the cues are kept beside the row; the row follows its job.
ALTER TABLE animations
  ADD COLUMN scope VARCHAR(10) NOT NULL DEFAULT 'beat',
  ADD COLUMN job_id UUID,
  ADD COLUMN created_by UUID,
  ADD COLUMN video_asset_id UUID,
  ADD COLUMN poster_asset_id UUID,
  ADD COLUMN duration_ms INTEGER,
  ADD COLUMN width INTEGER,
  ADD COLUMN height INTEGER,
  ADD COLUMN captions_vtt TEXT,
  ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  ALTER COLUMN beat_name DROP NOT NULL,
  ALTER COLUMN beat_index DROP NOT NULL,
  -- An ffmpeg animatic has no AI animation style; the ERD's style stays for AI videos.
  ALTER COLUMN style DROP NOT NULL,
  DROP CONSTRAINT ck_animations_status,
  ADD CONSTRAINT ck_animations_status CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled')),
  ADD CONSTRAINT ck_animations_scope CHECK (scope IN ('beat', 'story')),
  -- A beat's render names its beat; the story's names none.
  ADD CONSTRAINT ck_animations_scope_beat CHECK ((scope = 'beat') = (beat_index IS NOT NULL AND beat_name IS NOT NULL)),
  ADD CONSTRAINT ck_animations_duration_ms CHECK (duration_ms >= 0);

-- The newest render of each beat and of the story.
CREATE INDEX idx_animations_project_latest ON animations (project_id, scope, beat_index, created_at DESC);
CREATE UNIQUE INDEX uq_animations_job ON animations (job_id);

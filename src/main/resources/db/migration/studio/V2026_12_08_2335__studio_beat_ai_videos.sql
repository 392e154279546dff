-- studio module: AI videos of a project's beats, each made by the AI gateway as a beat_video generation (its credits
-- held, then charged once). The row remembers the generation; the next look at the animatic page settles an ended
-- one into the row (its MP4 in the organization's media library, or why it failed). At most one per beat is being
-- made at a time. No foreign key to ai_generations or assets: ai and media sit below studio.
CREATE TABLE beat_ai_videos (
  id UUID PRIMARY KEY,
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  beat_key VARCHAR(100) NOT NULL,
  generation_id UUID NOT NULL,
  seconds INTEGER NOT NULL,
  prompt TEXT NOT NULL,
  status VARCHAR(20) NOT NULL DEFAULT 'generating',
  asset_id UUID,
  error_message TEXT,
  created_by UUID REFERENCES users(id) ON DELETE SET NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  CONSTRAINT uq_beat_ai_videos_generation UNIQUE (generation_id),
  CONSTRAINT ck_beat_ai_videos_status CHECK (status IN ('generating', 'completed', 'failed', 'cancelled')),
  CONSTRAINT ck_beat_ai_videos_seconds CHECK (seconds > 0),
  CONSTRAINT ck_beat_ai_videos_asset CHECK ((status = 'completed') = (asset_id IS NOT NULL))
);
CREATE UNIQUE INDEX ux_beat_ai_videos_generating ON beat_ai_videos (project_id, beat_key) WHERE status = 'generating';
CREATE INDEX idx_beat_ai_videos_project ON beat_ai_videos (project_id, created_at DESC);

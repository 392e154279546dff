-- watch: what publishing, transcoding and viewing need beyond the ERD (see docs/schema.md, "Watch (issue 17)").

-- The content row is an aggregate read whole and saved whole; the version stops two saves overwriting each other.
ALTER TABLE contents ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
-- Catalogue lists page newest published first.
CREATE INDEX idx_contents_published ON contents (published_at DESC, id DESC) WHERE status = 'published';
CREATE INDEX idx_contents_org_created ON contents (organization_id, created_at DESC, id DESC);

-- One playable video: a movie's (episode_id NULL) or an episode's. Its source is a media asset; the
-- transcoding job fills its renditions. Nothing is playable until state = 'ready'.
CREATE TABLE content_videos (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  content_id UUID NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
  episode_id UUID REFERENCES content_episodes(id) ON DELETE CASCADE,
  source_asset_id UUID NOT NULL,
  job_id UUID,
  state VARCHAR(20) NOT NULL DEFAULT 'processing',
  failure_reason TEXT,
  duration_seconds NUMERIC(10,3),
  width INTEGER,
  height INTEGER,
  poster_asset_id UUID,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  CONSTRAINT ck_content_videos_state CHECK (state IN ('processing', 'ready', 'failed')),
  CONSTRAINT ck_content_videos_duration CHECK (duration_seconds >= 0)
);
-- One video per movie and per episode; a new upload replaces the row's source and renditions.
CREATE UNIQUE INDEX ux_content_videos_movie ON content_videos (content_id) WHERE episode_id IS NULL;
CREATE UNIQUE INDEX ux_content_videos_episode ON content_videos (episode_id) WHERE episode_id IS NOT NULL;
CREATE INDEX idx_content_videos_job ON content_videos (job_id);

-- One HLS rendition of a video: its media playlist (byte ranges into one MPEG-TS asset) and what the
-- master playlist says of it.
CREATE TABLE content_renditions (
  video_id UUID NOT NULL REFERENCES content_videos(id) ON DELETE CASCADE,
  height INTEGER NOT NULL,
  width INTEGER NOT NULL,
  bandwidth INTEGER NOT NULL,
  codecs VARCHAR(100) NOT NULL,
  asset_id UUID NOT NULL,
  playlist TEXT NOT NULL,
  PRIMARY KEY (video_id, height),
  CONSTRAINT ck_content_renditions_size CHECK (height > 0 AND width > 0 AND bandwidth > 0)
);

-- Continue watching: a user's started, unfinished items newest first.
CREATE INDEX idx_watch_history_user_recent ON watch_history (user_id, watched_at DESC, id DESC);
CREATE INDEX idx_watchlists_user_added ON watchlists (user_id, added_at DESC, id DESC);

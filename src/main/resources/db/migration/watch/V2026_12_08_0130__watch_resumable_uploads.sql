-- watch: resumable video uploads (tus 1.0; see docs/schema.md, "Watch (issue 17, media)"). The bytes are in a file under
-- the data directory; the row holds how many arrived, so a client resumes after a dropped connection from upload_offset.
CREATE TABLE watch_video_uploads (
  id UUID PRIMARY KEY,
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  content_id UUID NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
  episode_id UUID REFERENCES content_episodes(id) ON DELETE CASCADE,
  created_by UUID NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  upload_length BIGINT NOT NULL,
  upload_offset BIGINT NOT NULL DEFAULT 0,
  -- One PATCH writes at a time; a lease left by a node that died runs out.
  lease_until TIMESTAMPTZ,
  -- Set by the last byte: the video the upload became.
  video_id UUID,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  CONSTRAINT ck_watch_video_uploads_offset CHECK (upload_length > 0 AND upload_offset >= 0 AND upload_offset <= upload_length)
);
-- Unfinished uploads are purged a day after their last write.
CREATE INDEX idx_watch_video_uploads_updated ON watch_video_uploads (updated_at);

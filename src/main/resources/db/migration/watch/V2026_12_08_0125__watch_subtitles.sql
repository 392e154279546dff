-- watch: subtitle tracks of a video (see docs/schema.md, "Watch (issue 17, media)"). An uploaded SRT is kept converted
-- to WebVTT; a track is a few kilobytes of text, so it lives in the row (the media library refuses text/vtt).
CREATE TABLE content_subtitles (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  video_id UUID NOT NULL REFERENCES content_videos(id) ON DELETE CASCADE,
  language VARCHAR(35) NOT NULL,
  label VARCHAR(60) NOT NULL,
  vtt TEXT NOT NULL,
  cue_count INTEGER NOT NULL,
  created_by UUID,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  -- One track per language: a new upload in a language replaces the old one.
  CONSTRAINT ux_content_subtitles_language UNIQUE (video_id, language),
  CONSTRAINT ck_content_subtitles_cues CHECK (cue_count > 0)
);

-- Moodboard items of Studio part 2 (issue 16): one per beat, or per key action when the user splits a beat, in the
-- order the user drags them to. beat_index is the beat's place in the project's structure, beat_name its key
-- (structure_beats' key, or the custom beat's key); image_url is a stable "/media/{assetId}" reference (StudioImages).
ALTER TABLE moodboards
  ADD COLUMN key_action_index INTEGER,
  ADD COLUMN position INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN generation_id UUID,
  ADD COLUMN error_message TEXT,
  ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  ADD COLUMN version INTEGER NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_moodboards_beat_index CHECK (beat_index >= 0),
  ADD CONSTRAINT ck_moodboards_key_action_index CHECK (key_action_index >= 0),
  ADD CONSTRAINT ck_moodboards_position CHECK (position >= 0);

-- The grid and the animatic read a project's items in story order.
CREATE INDEX idx_moodboards_project_order ON moodboards (project_id, beat_index, position, id);

-- Story structures beyond the ERD's hero/cat/harmon/custom, the ending the want/need matrix implies when only the
-- want is achieved, a dramatic intensity per beat and the beats of a custom structure. See docs/schema.md.

ALTER TABLE stories DROP CONSTRAINT ck_stories_structure;
ALTER TABLE stories ADD CONSTRAINT ck_stories_structure
  CHECK (structure IN ('hero', 'cat', 'harmon', 'three_act', 'freytag', 'custom'));

ALTER TABLE stories DROP CONSTRAINT ck_stories_ending_type;
ALTER TABLE stories ADD CONSTRAINT ck_stories_ending_type
  CHECK (ending_type IN ('happy', 'tragic', 'open', 'bittersweet', 'hollow'));

ALTER TABLE stories
  ADD COLUMN beat_intensities JSONB NOT NULL DEFAULT '{}', -- beat key -> 1 calm, 2 rising, 3 intense
  ADD COLUMN custom_beats JSONB NOT NULL DEFAULT '[]'; -- the custom structure's beats in order: [{key, title}]

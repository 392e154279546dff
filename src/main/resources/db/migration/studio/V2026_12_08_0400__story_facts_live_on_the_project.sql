-- Genre, sub-genre, format, target audience and target market were both project fields (the overview) and story
-- details, so the two could disagree (the overview empty, the story saying "Fable"). They live on the project now;
-- the story details show and edit the project's. A story's value fills the project's where the project had none; where
-- both were set the project's stays, and the story's is still in the story details' version history (studio_versions).
UPDATE projects p SET
  genre = COALESCE(NULLIF(BTRIM(p.genre), ''), s.genre),
  sub_genre = COALESCE(NULLIF(BTRIM(p.sub_genre), ''), s.sub_genre),
  format = COALESCE(p.format, s.format),
  target_audience = COALESCE(NULLIF(BTRIM(p.target_audience), ''), s.target_audience),
  target_market = COALESCE(NULLIF(BTRIM(p.target_market), ''), s.target_market)
FROM stories s
WHERE s.project_id = p.id
  AND (s.genre IS NOT NULL OR s.sub_genre IS NOT NULL OR s.format IS NOT NULL OR s.target_audience IS NOT NULL
       OR s.target_market IS NOT NULL);

ALTER TABLE stories
  DROP CONSTRAINT ck_stories_format,
  DROP COLUMN genre,
  DROP COLUMN sub_genre,
  DROP COLUMN format,
  DROP COLUMN target_audience,
  DROP COLUMN target_market;

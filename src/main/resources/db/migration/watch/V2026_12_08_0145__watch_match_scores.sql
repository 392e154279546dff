-- watch: the personal match score of a title for a user (0-100), kept apart from the public average rating and from
-- contents.match_score (one number for everyone); see docs/schema.md, "Watch search and match scores".
CREATE TABLE content_match_scores (
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  content_id UUID NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
  score SMALLINT NOT NULL,
  -- The title the user rated or watched that explains the score ("because you watched ..."); NULL when none does.
  because_content_id UUID REFERENCES contents(id) ON DELETE SET NULL,
  because_rated BOOLEAN NOT NULL DEFAULT FALSE,
  computed_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  PRIMARY KEY (user_id, content_id),
  CONSTRAINT ck_content_match_scores_score CHECK (score BETWEEN 0 AND 100)
);
-- "For you": a user's best matches first, keyset-paged.
CREATE INDEX idx_content_match_scores_user_best ON content_match_scores (user_id, score DESC, content_id DESC);
CREATE INDEX idx_content_match_scores_content ON content_match_scores (content_id);
CREATE INDEX idx_content_match_scores_because ON content_match_scores (because_content_id);

-- When each user's scores were last computed: the sweep recomputes those with a rating or a watch since.
CREATE TABLE content_match_runs (
  user_id UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  computed_at TIMESTAMPTZ NOT NULL
);

-- The sweep's look-ups of recent activity.
CREATE INDEX idx_watch_history_watched_at ON watch_history (watched_at);
CREATE INDEX idx_content_ratings_created_at ON content_ratings (created_at);

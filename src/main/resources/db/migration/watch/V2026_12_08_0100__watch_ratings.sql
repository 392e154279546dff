-- watch: ratings with reviews that can be edited, and helpful votes on reviews (see docs/schema.md, "Watch (issue 17)").

-- A review can be edited; lists show when it last changed.
ALTER TABLE content_ratings ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW();
-- A title's reviews page newest first.
CREATE INDEX idx_content_ratings_content_created ON content_ratings (content_id, created_at DESC, id DESC);

-- One helpful vote per reader and review; helpful_count on the review is kept from these rows.
CREATE TABLE content_rating_votes (
  rating_id UUID NOT NULL REFERENCES content_ratings(id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  PRIMARY KEY (rating_id, user_id)
);
CREATE INDEX idx_content_rating_votes_user ON content_rating_votes (user_id);

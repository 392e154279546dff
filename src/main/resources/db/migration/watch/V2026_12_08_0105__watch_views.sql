-- watch: one view per user, content and day (Asia/Jakarta), so contents.view_count counts viewers per day and not
-- progress reports (Jellyfin's rule), and trending reads the views of the last 7 days (see docs/schema.md, "Watch (issue 17)").
CREATE TABLE content_views (
  content_id UUID NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  view_date DATE NOT NULL,
  PRIMARY KEY (content_id, user_id, view_date)
);
-- Trending counts each title's views since a date.
CREATE INDEX idx_content_views_date ON content_views (view_date, content_id);
CREATE INDEX idx_content_views_user ON content_views (user_id);

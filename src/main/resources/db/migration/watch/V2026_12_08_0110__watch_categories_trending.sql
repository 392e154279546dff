-- watch: what the catalogue home's rows read (see docs/schema.md, "Watch (issue 17)").
-- Categories in the admins' order; the home shows the active ones.
CREATE INDEX idx_content_categories_order ON content_categories (display_order, name) WHERE is_active;
-- The trending row reads the ranks the trending job wrote; the banner the featured titles.
CREATE INDEX idx_contents_trending ON contents (trending_rank) WHERE trending_rank IS NOT NULL AND status = 'published';
CREATE INDEX idx_contents_featured ON contents (published_at DESC) WHERE featured AND status = 'published';

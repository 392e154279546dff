-- The catalogue home's shared rows (featured, trending, categories, newest) are the same for every viewer, so each app
-- node keeps them in memory and asks one primary-key read whether they are still current: any statement that can change
-- what those rows show bumps this version in its own transaction, so a reader sees the new version only with the change
-- committed, and on every node at once. view_count, ratings and the like are left out: the rows do not show them, and
-- progress reports update view_count all the time.
CREATE TABLE watch_home_versions (
  id SMALLINT PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO watch_home_versions (id, version) VALUES (1, 0);

CREATE FUNCTION watch_home_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE watch_home_versions SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER trg_contents_home_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF status, featured, published_at, created_at, trending_rank, title, slug, type, genre,
    release_year, poster_url, visibility, description ON contents
  FOR EACH STATEMENT EXECUTE FUNCTION watch_home_changed();
CREATE TRIGGER trg_content_categories_home_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON content_categories
  FOR EACH STATEMENT EXECUTE FUNCTION watch_home_changed();
CREATE TRIGGER trg_content_category_items_home_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON content_category_items
  FOR EACH STATEMENT EXECUTE FUNCTION watch_home_changed();

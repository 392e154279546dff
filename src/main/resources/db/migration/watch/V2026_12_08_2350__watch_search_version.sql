-- Search keeps the ranked ids of a query's first page in memory (see ContentSearch), valid while this version stays:
-- any statement that can change which published titles a query finds, or their rank, bumps it in its own transaction.
-- The columns are those search_vector and search_names are made of and those the filters read; average_rating is left
-- out (the minimum-rating filter is never answered from memory) so votes do not invalidate it, and view_count too.
ALTER TABLE watch_home_versions ADD COLUMN search_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION watch_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE watch_home_versions SET search_version = search_version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER trg_contents_search_changed
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF status, title, original_title, cast_list, description, type, genre, sub_genres,
    release_year, languages ON contents
  FOR EACH STATEMENT EXECUTE FUNCTION watch_search_changed();

-- watch: catalogue search (see docs/schema.md, "Watch search and match scores").

-- Trigram similarity gives search its typo tolerance ("kancl" finds "Kancil").
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The 'simple' configuration (no stemming, no stop words): titles and cast are names, and the catalogue mixes
-- Indonesian and English, which one language's stemmer would mangle; prefix queries cover inflected words.
ALTER TABLE contents ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce(title, '')), 'A')
  || setweight(to_tsvector('simple', coalesce(original_title, '')), 'A')
  || setweight(to_tsvector('simple', jsonb_path_query_array(cast_list, '$[*].name')), 'B')
  || setweight(to_tsvector('simple', coalesce(description, '')), 'C')
) STORED;

-- What a misspelt word is compared with: the names, not the description (a long text is similar to almost any word).
ALTER TABLE contents ADD COLUMN search_names TEXT GENERATED ALWAYS AS (
  coalesce(title, '') || ' ' || coalesce(original_title, '') || ' ' || jsonb_path_query_array(cast_list, '$[*].name')::text
) STORED;

CREATE INDEX idx_contents_search_vector ON contents USING GIN (search_vector) WHERE status = 'published';
CREATE INDEX idx_contents_search_names ON contents USING GIN (search_names gin_trgm_ops) WHERE status = 'published';

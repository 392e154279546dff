-- watch module: contents, content_seasons, content_episodes, watch_history, watchlists, content_ratings, content_categories, content_category_items
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE contents (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID REFERENCES projects(id) ON DELETE SET NULL, -- Link to IP
  organization_id UUID REFERENCES organizations(id),

  -- Basic Info
  title VARCHAR(255) NOT NULL,
  original_title VARCHAR(255),
  slug VARCHAR(255) UNIQUE,
  description TEXT,
  synopsis TEXT,

  -- Type & Format
  type VARCHAR(50) NOT NULL, -- movie, series, short, documentary
  genre VARCHAR(100),
  sub_genres JSONB NOT NULL DEFAULT '[]',

  -- Rating & Classification
  rating VARCHAR(20), -- G, PG, PG-13, R, NC-17
  content_warnings JSONB NOT NULL DEFAULT '[]',

  -- Duration
  duration_minutes INTEGER, -- For movies
  season_count INTEGER, -- For series
  episode_count INTEGER,

  -- Release
  release_year INTEGER,
  release_date DATE,

  -- Media
  poster_url TEXT,
  banner_url TEXT,
  thumbnail_url TEXT,
  trailer_url TEXT,
  video_url TEXT, -- Main content (for movies)

  -- Streaming
  hls_url TEXT, -- HLS manifest URL
  dash_url TEXT, -- DASH manifest URL
  drm_key_id VARCHAR(255),

  -- Metadata
  cast_list JSONB NOT NULL DEFAULT '[]', -- Array of {name, role, image}
  crew_list JSONB NOT NULL DEFAULT '[]', -- Array of {name, role}
  production_company VARCHAR(255),
  country VARCHAR(100),
  languages JSONB NOT NULL DEFAULT '[]',
  subtitles JSONB NOT NULL DEFAULT '[]', -- Available subtitle languages

  -- Engagement
  view_count INTEGER NOT NULL DEFAULT 0,
  like_count INTEGER NOT NULL DEFAULT 0,
  average_rating DECIMAL(3,2),
  rating_count INTEGER NOT NULL DEFAULT 0,
  match_score INTEGER, -- AI recommendation score

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'draft', -- draft, processing, published, archived
  visibility VARCHAR(50) NOT NULL DEFAULT 'subscribers', -- free, subscribers, premium
  featured BOOLEAN NOT NULL DEFAULT FALSE,
  trending_rank INTEGER,

  -- SEO
  meta_title VARCHAR(255),
  meta_description TEXT,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  published_at TIMESTAMPTZ,

  -- Checks
  CONSTRAINT ck_contents_type CHECK (type IN ('movie', 'series', 'short', 'documentary')),
  CONSTRAINT ck_contents_rating CHECK (rating IN ('G', 'PG', 'PG-13', 'R', 'NC-17')),
  CONSTRAINT ck_contents_status CHECK (status IN ('draft', 'processing', 'published', 'archived')),
  CONSTRAINT ck_contents_visibility CHECK (visibility IN ('free', 'subscribers', 'premium')),
  CONSTRAINT ck_contents_duration_minutes CHECK (duration_minutes >= 0),
  CONSTRAINT ck_contents_season_count CHECK (season_count >= 0),
  CONSTRAINT ck_contents_episode_count CHECK (episode_count >= 0),
  CONSTRAINT ck_contents_view_count CHECK (view_count >= 0),
  CONSTRAINT ck_contents_like_count CHECK (like_count >= 0),
  CONSTRAINT ck_contents_rating_count CHECK (rating_count >= 0),
  CONSTRAINT ck_contents_average_rating CHECK (average_rating BETWEEN 1 AND 5)
);
CREATE INDEX idx_contents_status ON contents (status);
CREATE INDEX idx_contents_type ON contents (type);
CREATE INDEX idx_contents_project_id ON contents (project_id);
CREATE INDEX idx_contents_organization_id ON contents (organization_id);

CREATE TABLE content_seasons (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id UUID NOT NULL REFERENCES contents(id) ON DELETE CASCADE,

  season_number INTEGER NOT NULL,
  title VARCHAR(255),
  description TEXT,
  poster_url TEXT,
  episode_count INTEGER NOT NULL DEFAULT 0,
  release_year INTEGER,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(content_id, season_number),

  -- Checks
  CONSTRAINT ck_content_seasons_episode_count CHECK (episode_count >= 0)
);

CREATE TABLE content_episodes (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id UUID NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
  season_id UUID REFERENCES content_seasons(id) ON DELETE CASCADE,

  season_number INTEGER NOT NULL,
  episode_number INTEGER NOT NULL,

  title VARCHAR(255),
  description TEXT,
  duration_minutes INTEGER,

  thumbnail_url TEXT,
  video_url TEXT,
  hls_url TEXT,

  release_date DATE,

  view_count INTEGER NOT NULL DEFAULT 0,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(content_id, season_number, episode_number),

  -- Checks
  CONSTRAINT ck_content_episodes_duration_minutes CHECK (duration_minutes >= 0),
  CONSTRAINT ck_content_episodes_view_count CHECK (view_count >= 0)
);
CREATE INDEX idx_episodes_content ON content_episodes (content_id);
CREATE INDEX idx_content_episodes_season_id ON content_episodes (season_id);

CREATE TABLE watch_history (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  content_id UUID NOT NULL REFERENCES contents(id) ON DELETE CASCADE,
  episode_id UUID REFERENCES content_episodes(id) ON DELETE SET NULL,

  progress_seconds INTEGER NOT NULL DEFAULT 0,
  duration_seconds INTEGER,
  progress_percent DECIMAL(5,2),

  completed BOOLEAN NOT NULL DEFAULT FALSE,

  device_type VARCHAR(50),

  watched_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(user_id, content_id, episode_id),

  -- Checks
  CONSTRAINT ck_watch_history_progress_seconds CHECK (progress_seconds >= 0),
  CONSTRAINT ck_watch_history_duration_seconds CHECK (duration_seconds >= 0),
  CONSTRAINT ck_watch_history_progress_percent CHECK (progress_percent BETWEEN 0 AND 100)
);
CREATE INDEX idx_watch_history_user ON watch_history (user_id);
CREATE INDEX idx_watch_history_content ON watch_history (content_id);
CREATE INDEX idx_watch_history_episode_id ON watch_history (episode_id);

CREATE TABLE watchlists (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  content_id UUID NOT NULL REFERENCES contents(id) ON DELETE CASCADE,

  added_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(user_id, content_id)
);
CREATE INDEX idx_watchlists_user ON watchlists (user_id);
CREATE INDEX idx_watchlists_content_id ON watchlists (content_id);

CREATE TABLE content_ratings (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  content_id UUID NOT NULL REFERENCES contents(id) ON DELETE CASCADE,

  rating INTEGER,
  review TEXT,

  helpful_count INTEGER NOT NULL DEFAULT 0,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(user_id, content_id),

  -- Checks
  CONSTRAINT ck_content_ratings_rating CHECK (rating BETWEEN 1 AND 5),
  CONSTRAINT ck_content_ratings_helpful_count CHECK (helpful_count >= 0)
);
CREATE INDEX idx_content_ratings_content_id ON content_ratings (content_id);

CREATE TABLE content_categories (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),

  name VARCHAR(100) NOT NULL,
  slug VARCHAR(100) UNIQUE NOT NULL,
  description TEXT,
  icon VARCHAR(50),

  display_order INTEGER NOT NULL DEFAULT 0,
  is_active BOOLEAN NOT NULL DEFAULT TRUE,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE content_category_items (
  content_id UUID REFERENCES contents(id) ON DELETE CASCADE,
  category_id UUID REFERENCES content_categories(id) ON DELETE CASCADE,

  PRIMARY KEY (content_id, category_id)
);
CREATE INDEX idx_content_category_items_category_id ON content_category_items (category_id);

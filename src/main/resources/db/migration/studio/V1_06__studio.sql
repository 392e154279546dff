-- studio module: projects, project_collaborators, stories, characters, universes, moodboards, animations, performance_predictions
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE projects (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  user_id UUID REFERENCES users(id),

  -- Basic Info
  title VARCHAR(255) NOT NULL,
  slug VARCHAR(255),
  description TEXT,
  logo TEXT,
  thumbnail_mood TEXT,

  -- Classification
  genre VARCHAR(100),
  sub_genre VARCHAR(100),
  format VARCHAR(50), -- feature, series, short_movie, short_video, animation
  target_audience VARCHAR(100),
  target_market VARCHAR(100),

  -- IP Project Details
  studio_name VARCHAR(255),
  studio_logo TEXT,
  ip_owner VARCHAR(255),
  production_date DATE,

  -- Brand Identity
  brand_logos JSONB NOT NULL DEFAULT '[]', -- Array of logo URLs
  color_palette JSONB NOT NULL DEFAULT '[]', -- Array of hex colors

  -- Status & Visibility
  status VARCHAR(50) NOT NULL DEFAULT 'draft', -- draft, in_progress, completed, published
  visibility VARCHAR(50) NOT NULL DEFAULT 'private', -- private, team, public

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  published_at TIMESTAMPTZ,

  -- Checks
  CONSTRAINT ck_projects_format CHECK (format IN ('feature', 'series', 'short_movie', 'short_video', 'animation')),
  CONSTRAINT ck_projects_status CHECK (status IN ('draft', 'in_progress', 'completed', 'published')),
  CONSTRAINT ck_projects_visibility CHECK (visibility IN ('private', 'team', 'public'))
);
CREATE INDEX idx_projects_org ON projects (organization_id);
CREATE INDEX idx_projects_user ON projects (user_id);
CREATE INDEX idx_projects_status ON projects (status);

CREATE TABLE project_collaborators (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,

  role VARCHAR(100) NOT NULL, -- ip_producer, head_creative, head_production, head_business, story_supervisor, character_supervisor, custom
  custom_role_title VARCHAR(100), -- For custom roles

  permissions JSONB NOT NULL DEFAULT '[]',
  modo_tokens INTEGER NOT NULL DEFAULT 0, -- Tokens allocated for this project

  assigned_by UUID REFERENCES users(id),
  assigned_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(project_id, user_id),

  -- Checks
  CONSTRAINT ck_project_collaborators_role CHECK (role IN ('ip_producer', 'head_creative', 'head_production', 'head_business', 'story_supervisor', 'character_supervisor', 'custom')),
  CONSTRAINT ck_project_collaborators_modo_tokens CHECK (modo_tokens >= 0)
);
CREATE INDEX idx_project_collaborators_user_id ON project_collaborators (user_id);
CREATE INDEX idx_project_collaborators_assigned_by ON project_collaborators (assigned_by);

CREATE TABLE stories (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,

  -- Core Story
  premise TEXT,
  synopsis TEXT,
  global_synopsis TEXT,
  logline TEXT,

  -- Format & Duration
  duration VARCHAR(50), -- 90min, 120min, 10eps, etc
  format VARCHAR(50), -- feature, series, short_movie, short_video
  episode_count INTEGER,
  episode_duration INTEGER, -- minutes

  -- Genre & Tone
  genre VARCHAR(100),
  sub_genre VARCHAR(100),
  tone VARCHAR(100),
  intensity VARCHAR(50), -- light, moderate, intense

  -- Theme & Values
  theme VARCHAR(255),
  sub_theme VARCHAR(255),
  moral_values TEXT,
  local_values TEXT,

  -- Plot Elements
  plot TEXT,
  twist TEXT,
  conflict_type VARCHAR(100), -- man_vs_man, man_vs_nature, man_vs_self, etc

  -- Target
  target_audience VARCHAR(100),
  target_market VARCHAR(100),
  age_rating VARCHAR(20), -- G, PG, PG-13, R, NC-17

  -- Story Structure
  structure VARCHAR(50) NOT NULL DEFAULT 'hero', -- hero, cat, harmon, custom
  structure_beats JSONB NOT NULL DEFAULT '{}', -- Beat name -> description
  key_actions JSONB NOT NULL DEFAULT '{}', -- Beat name -> character -> action

  -- Character Arc
  want_need_matrix JSONB NOT NULL DEFAULT '{}',
  ending_type VARCHAR(50), -- happy, tragic, open, bittersweet

  -- Generated Content
  generated_script TEXT,
  script_version INTEGER NOT NULL DEFAULT 0,

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_stories_format CHECK (format IN ('feature', 'series', 'short_movie', 'short_video')),
  CONSTRAINT ck_stories_intensity CHECK (intensity IN ('light', 'moderate', 'intense')),
  CONSTRAINT ck_stories_age_rating CHECK (age_rating IN ('G', 'PG', 'PG-13', 'R', 'NC-17')),
  CONSTRAINT ck_stories_structure CHECK (structure IN ('hero', 'cat', 'harmon', 'custom')),
  CONSTRAINT ck_stories_ending_type CHECK (ending_type IN ('happy', 'tragic', 'open', 'bittersweet')),
  CONSTRAINT ck_stories_episode_count CHECK (episode_count >= 0),
  CONSTRAINT ck_stories_episode_duration CHECK (episode_duration >= 0),
  CONSTRAINT ck_stories_script_version CHECK (script_version >= 0)
);

CREATE TABLE characters (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,

  -- Basic Info
  name VARCHAR(255) NOT NULL,
  role VARCHAR(100), -- protagonist, antagonist, supporting, minor
  archetype VARCHAR(100), -- hero, mentor, shadow, trickster, etc

  -- Visual
  image_url TEXT,
  image_poses JSONB NOT NULL DEFAULT '{}', -- pose_type -> image_url
  cast_reference VARCHAR(255), -- Actor reference

  -- Physiological
  physiological JSONB NOT NULL DEFAULT '{}',
  -- age, gender, height, weight, body_type, hair_style, hair_color,
  -- eye_color, skin_tone, distinguishing_features, clothing_style,
  -- birth_signs, uniqueness

  -- Psychological
  psychological JSONB NOT NULL DEFAULT '{}',
  -- personality_type (MBTI), archetype, intelligence, temperament,
  -- fears, wants, needs, alter_ego, traumatic_events, mental_state,
  -- cognitive_style

  -- Emotional
  emotional JSONB NOT NULL DEFAULT '{}',
  -- logos, ethos, pathos, tone, style, mode, emotional_range,
  -- triggers, coping_mechanisms

  -- Background
  family JSONB NOT NULL DEFAULT '{}',
  -- spouse, children, parents, siblings, family_dynamics

  sociocultural JSONB NOT NULL DEFAULT '{}',
  -- social_class, education, occupation, culture, language,
  -- tribe, religion, political_views, economic_status, affiliations

  core_beliefs JSONB NOT NULL DEFAULT '{}',
  -- faith, spirituality, values, integrity, trustworthiness,
  -- willingness, vulnerability, commitments

  educational JSONB NOT NULL DEFAULT '{}',
  -- degrees, achievements, fellowships, skills, expertise

  sociopolitics JSONB NOT NULL DEFAULT '{}',
  -- party_affiliation, nationalism, citizenship, activism

  -- SWOT Analysis
  swot_analysis JSONB NOT NULL DEFAULT '{}',
  -- strengths, weaknesses, opportunities, threats

  -- Character Arc
  character_arc TEXT,
  transformation TEXT,

  -- Relationships
  relationships JSONB NOT NULL DEFAULT '[]', -- Array of {character_id, relationship_type, description}

  -- Order
  display_order INTEGER NOT NULL DEFAULT 0,

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_characters_role CHECK (role IN ('protagonist', 'antagonist', 'supporting', 'minor'))
);
CREATE INDEX idx_characters_project ON characters (project_id);

CREATE TABLE universes (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL UNIQUE REFERENCES projects(id) ON DELETE CASCADE,

  -- World Name
  name VARCHAR(255),
  description TEXT,

  -- Environment
  environment JSONB NOT NULL DEFAULT '{}',
  -- landscape, climate, geography, architecture, technology_level,
  -- time_period, key_locations

  -- Public Systems
  public_systems JSONB NOT NULL DEFAULT '{}',
  -- government_type, political_structure, legal_system, economy_type,
  -- currency, military, education_system, healthcare

  -- Private Systems
  private_systems JSONB NOT NULL DEFAULT '{}',
  -- family_structure, social_classes, cultural_norms, traditions,
  -- religions, languages, arts, entertainment

  -- Rules & Magic
  rules JSONB NOT NULL DEFAULT '{}',
  -- magic_system, technology_rules, supernatural_elements,
  -- unique_physics, limitations

  -- History
  history JSONB NOT NULL DEFAULT '{}',
  -- origin, major_events, conflicts, legends

  -- Visualizations
  visualizations JSONB NOT NULL DEFAULT '{}',
  -- environment_image, society_image, private_image, map_image

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);

CREATE TABLE moodboards (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,

  beat_name VARCHAR(255) NOT NULL,
  beat_index INTEGER NOT NULL,

  description TEXT,
  ai_prompt TEXT,
  image_url TEXT,

  -- Style
  animation_style VARCHAR(50), -- cartoon, sketch, 3d, vector, realistic
  color_mood VARCHAR(100),
  lighting VARCHAR(100),

  -- Reference
  reference_images JSONB NOT NULL DEFAULT '[]',
  notes TEXT,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'pending', -- pending, generating, completed, failed

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_moodboards_animation_style CHECK (animation_style IN ('cartoon', 'sketch', '3d', 'vector', 'realistic')),
  CONSTRAINT ck_moodboards_status CHECK (status IN ('pending', 'generating', 'completed', 'failed'))
);
CREATE INDEX idx_moodboards_project ON moodboards (project_id);

CREATE TABLE animations (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,

  beat_name VARCHAR(255) NOT NULL,
  beat_index INTEGER NOT NULL,

  -- Prompt & Style
  ai_prompt TEXT,
  style VARCHAR(50) NOT NULL, -- cartoon, sketch, 3d, vector, realistic

  -- Output
  preview_image_url TEXT,
  video_url TEXT,
  video_duration_seconds INTEGER,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'pending', -- pending, processing, completed, failed
  error_message TEXT,

  -- Metadata
  generation_params JSONB NOT NULL DEFAULT '{}',

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_animations_style CHECK (style IN ('cartoon', 'sketch', '3d', 'vector', 'realistic')),
  CONSTRAINT ck_animations_status CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
  CONSTRAINT ck_animations_video_duration_seconds CHECK (video_duration_seconds >= 0)
);
CREATE INDEX idx_animations_project ON animations (project_id);

CREATE TABLE performance_predictions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,

  -- Input Factors
  input_data JSONB NOT NULL,
  -- cast, director, producer, exec_producer, distributor, publisher,
  -- brand_positioning, theme, usp, story_values, fans_loyalty,
  -- production_budget, promotion_budget, social_media, teaser_engagement

  -- AI Predictions
  scores JSONB NOT NULL DEFAULT '[]', -- Array of {name, score, competitor}
  predicted_audience INTEGER,
  competitor_audience INTEGER,
  suggestions JSONB NOT NULL DEFAULT '[]',

  -- Metadata
  model_version VARCHAR(50),

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_performance_predictions_predicted_audience CHECK (predicted_audience >= 0),
  CONSTRAINT ck_performance_predictions_competitor_audience CHECK (competitor_audience >= 0)
);
CREATE INDEX idx_performance_predictions_project_id ON performance_predictions (project_id);

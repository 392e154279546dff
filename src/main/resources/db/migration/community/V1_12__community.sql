-- community module: communities, community_members, discussions, discussion_comments, discussion_votes, fan_contents, fan_content_comments, fan_content_likes, events, event_rsvps, badges, user_badges
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE communities (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID REFERENCES projects(id) ON DELETE SET NULL, -- Link to IP
  organization_id UUID REFERENCES organizations(id),

  -- Basic Info
  name VARCHAR(255) NOT NULL,
  slug VARCHAR(100) UNIQUE NOT NULL,
  description TEXT,

  -- Media
  avatar_url TEXT,
  banner_url TEXT,

  -- Settings
  settings JSONB NOT NULL DEFAULT '{}',
  rules JSONB NOT NULL DEFAULT '[]', -- Community rules

  -- Stats
  member_count INTEGER NOT NULL DEFAULT 0,
  post_count INTEGER NOT NULL DEFAULT 0,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'active', -- active, archived, banned
  visibility VARCHAR(50) NOT NULL DEFAULT 'public', -- public, private, invite_only

  -- Moderation
  auto_mod_settings JSONB NOT NULL DEFAULT '{}',

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_communities_status CHECK (status IN ('active', 'archived', 'banned')),
  CONSTRAINT ck_communities_visibility CHECK (visibility IN ('public', 'private', 'invite_only')),
  CONSTRAINT ck_communities_member_count CHECK (member_count >= 0),
  CONSTRAINT ck_communities_post_count CHECK (post_count >= 0)
);
CREATE INDEX idx_communities_project ON communities (project_id);
CREATE INDEX idx_communities_organization_id ON communities (organization_id);

CREATE TABLE community_members (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  community_id UUID NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,

  role VARCHAR(50) NOT NULL DEFAULT 'member', -- member, moderator, admin, owner

  -- Engagement
  reputation INTEGER NOT NULL DEFAULT 0,
  post_count INTEGER NOT NULL DEFAULT 0,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'active', -- active, muted, banned
  muted_until TIMESTAMPTZ,
  banned_at TIMESTAMPTZ,
  ban_reason TEXT,

  -- Notifications
  notification_settings JSONB NOT NULL DEFAULT '{}',

  joined_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(community_id, user_id),

  -- Checks
  CONSTRAINT ck_community_members_role CHECK (role IN ('member', 'moderator', 'admin', 'owner')),
  CONSTRAINT ck_community_members_status CHECK (status IN ('active', 'muted', 'banned')),
  CONSTRAINT ck_community_members_post_count CHECK (post_count >= 0)
);
CREATE INDEX idx_community_members_community ON community_members (community_id);
CREATE INDEX idx_community_members_user ON community_members (user_id);

CREATE TABLE discussions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  community_id UUID NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  author_id UUID REFERENCES users(id) ON DELETE SET NULL,

  -- Content
  title VARCHAR(255) NOT NULL,
  content TEXT NOT NULL,
  content_html TEXT, -- Rendered HTML

  -- Type
  type VARCHAR(50) NOT NULL DEFAULT 'discussion', -- discussion, question, announcement, poll

  -- Media
  attachments JSONB NOT NULL DEFAULT '[]', -- Array of {type, url}

  -- Poll (if type = poll)
  poll_options JSONB, -- [{id, text, votes}]
  poll_ends_at TIMESTAMPTZ,

  -- Engagement
  upvotes INTEGER NOT NULL DEFAULT 0,
  downvotes INTEGER NOT NULL DEFAULT 0,
  score INTEGER NOT NULL DEFAULT 0, -- upvotes - downvotes
  comment_count INTEGER NOT NULL DEFAULT 0,
  view_count INTEGER NOT NULL DEFAULT 0,

  -- Status
  pinned BOOLEAN NOT NULL DEFAULT FALSE,
  locked BOOLEAN NOT NULL DEFAULT FALSE,

  -- Moderation
  status VARCHAR(50) NOT NULL DEFAULT 'published', -- draft, published, hidden, removed
  removed_reason TEXT,

  -- Tags
  tags JSONB NOT NULL DEFAULT '[]',

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_discussions_type CHECK (type IN ('discussion', 'question', 'announcement', 'poll')),
  CONSTRAINT ck_discussions_status CHECK (status IN ('draft', 'published', 'hidden', 'removed')),
  CONSTRAINT ck_discussions_upvotes CHECK (upvotes >= 0),
  CONSTRAINT ck_discussions_downvotes CHECK (downvotes >= 0),
  CONSTRAINT ck_discussions_comment_count CHECK (comment_count >= 0),
  CONSTRAINT ck_discussions_view_count CHECK (view_count >= 0)
);
CREATE INDEX idx_discussions_community ON discussions (community_id);
CREATE INDEX idx_discussions_author ON discussions (author_id);

CREATE TABLE discussion_comments (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  discussion_id UUID NOT NULL REFERENCES discussions(id) ON DELETE CASCADE,
  author_id UUID REFERENCES users(id) ON DELETE SET NULL,
  parent_id UUID REFERENCES discussion_comments(id) ON DELETE CASCADE, -- For nested replies

  -- Content
  content TEXT NOT NULL,
  content_html TEXT,

  -- Engagement
  upvotes INTEGER NOT NULL DEFAULT 0,
  downvotes INTEGER NOT NULL DEFAULT 0,
  score INTEGER NOT NULL DEFAULT 0,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'published', -- published, hidden, removed

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_discussion_comments_status CHECK (status IN ('published', 'hidden', 'removed')),
  CONSTRAINT ck_discussion_comments_upvotes CHECK (upvotes >= 0),
  CONSTRAINT ck_discussion_comments_downvotes CHECK (downvotes >= 0)
);
CREATE INDEX idx_discussion_comments_discussion ON discussion_comments (discussion_id);
CREATE INDEX idx_discussion_comments_author_id ON discussion_comments (author_id);
CREATE INDEX idx_discussion_comments_parent_id ON discussion_comments (parent_id);

CREATE TABLE discussion_votes (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,

  -- Target (either discussion or comment)
  discussion_id UUID REFERENCES discussions(id) ON DELETE CASCADE,
  comment_id UUID REFERENCES discussion_comments(id) ON DELETE CASCADE,

  vote_type VARCHAR(10) NOT NULL, -- up, down

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(user_id, discussion_id),
  UNIQUE(user_id, comment_id),

  -- Checks
  CONSTRAINT ck_discussion_votes_vote_type CHECK (vote_type IN ('up', 'down')),
  CONSTRAINT ck_discussion_votes_target CHECK (num_nonnulls(discussion_id, comment_id) = 1)
);
CREATE INDEX idx_discussion_votes_discussion_id ON discussion_votes (discussion_id);
CREATE INDEX idx_discussion_votes_comment_id ON discussion_votes (comment_id);

CREATE TABLE fan_contents (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  community_id UUID NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  author_id UUID REFERENCES users(id) ON DELETE SET NULL,

  -- Content Type
  type VARCHAR(50) NOT NULL, -- fanart, video, cosplay, fanfic, theory, review, meme

  -- Content
  title VARCHAR(255) NOT NULL,
  description TEXT,

  -- Media
  media_url TEXT NOT NULL,
  thumbnail_url TEXT,
  media_type VARCHAR(50), -- image, video, audio

  -- For videos
  video_platform VARCHAR(50), -- youtube, tiktok, native
  video_embed_url TEXT,
  duration_seconds INTEGER,

  -- Engagement
  view_count INTEGER NOT NULL DEFAULT 0,
  like_count INTEGER NOT NULL DEFAULT 0,
  comment_count INTEGER NOT NULL DEFAULT 0,
  share_count INTEGER NOT NULL DEFAULT 0,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'published', -- draft, processing, published, hidden
  featured BOOLEAN NOT NULL DEFAULT FALSE,

  -- Tags
  tags JSONB NOT NULL DEFAULT '[]',

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_fan_contents_type CHECK (type IN ('fanart', 'video', 'cosplay', 'fanfic', 'theory', 'review', 'meme')),
  CONSTRAINT ck_fan_contents_media_type CHECK (media_type IN ('image', 'video', 'audio')),
  CONSTRAINT ck_fan_contents_video_platform CHECK (video_platform IN ('youtube', 'tiktok', 'native')),
  CONSTRAINT ck_fan_contents_status CHECK (status IN ('draft', 'processing', 'published', 'hidden')),
  CONSTRAINT ck_fan_contents_duration_seconds CHECK (duration_seconds >= 0),
  CONSTRAINT ck_fan_contents_view_count CHECK (view_count >= 0),
  CONSTRAINT ck_fan_contents_like_count CHECK (like_count >= 0),
  CONSTRAINT ck_fan_contents_comment_count CHECK (comment_count >= 0),
  CONSTRAINT ck_fan_contents_share_count CHECK (share_count >= 0)
);
CREATE INDEX idx_fan_contents_community ON fan_contents (community_id);
CREATE INDEX idx_fan_contents_author_id ON fan_contents (author_id);

CREATE TABLE fan_content_comments (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id UUID NOT NULL REFERENCES fan_contents(id) ON DELETE CASCADE,
  author_id UUID REFERENCES users(id) ON DELETE SET NULL,
  parent_id UUID REFERENCES fan_content_comments(id) ON DELETE CASCADE,

  content TEXT NOT NULL,

  like_count INTEGER NOT NULL DEFAULT 0,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_fan_content_comments_like_count CHECK (like_count >= 0)
);
CREATE INDEX idx_fan_content_comments_content_id ON fan_content_comments (content_id);
CREATE INDEX idx_fan_content_comments_author_id ON fan_content_comments (author_id);
CREATE INDEX idx_fan_content_comments_parent_id ON fan_content_comments (parent_id);

CREATE TABLE fan_content_likes (
  user_id UUID REFERENCES users(id) ON DELETE CASCADE,
  content_id UUID REFERENCES fan_contents(id) ON DELETE CASCADE,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  PRIMARY KEY (user_id, content_id)
);
CREATE INDEX idx_fan_content_likes_content_id ON fan_content_likes (content_id);

CREATE TABLE events (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  community_id UUID NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
  created_by UUID REFERENCES users(id),

  -- Basic Info
  title VARCHAR(255) NOT NULL,
  description TEXT,

  -- Type
  event_type VARCHAR(50) NOT NULL, -- watch_party, qa_session, premiere, meetup, contest

  -- Platform
  platform VARCHAR(50), -- discord, zoom, youtube, in_person, custom
  event_url TEXT,
  location TEXT, -- For in-person events

  -- Media
  cover_image_url TEXT,

  -- Time
  event_date TIMESTAMPTZ NOT NULL,
  end_date TIMESTAMPTZ,
  timezone VARCHAR(50) NOT NULL DEFAULT 'Asia/Jakarta',

  -- Capacity
  max_attendees INTEGER,
  current_attendees INTEGER NOT NULL DEFAULT 0,

  -- RSVP Settings
  rsvp_required BOOLEAN NOT NULL DEFAULT TRUE,
  rsvp_deadline TIMESTAMPTZ,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'scheduled', -- draft, scheduled, live, completed, cancelled

  -- Engagement
  interested_count INTEGER NOT NULL DEFAULT 0,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_events_event_type CHECK (event_type IN ('watch_party', 'qa_session', 'premiere', 'meetup', 'contest')),
  CONSTRAINT ck_events_platform CHECK (platform IN ('discord', 'zoom', 'youtube', 'in_person', 'custom')),
  CONSTRAINT ck_events_status CHECK (status IN ('draft', 'scheduled', 'live', 'completed', 'cancelled')),
  CONSTRAINT ck_events_max_attendees CHECK (max_attendees >= 0),
  CONSTRAINT ck_events_interested_count CHECK (interested_count >= 0),
  CONSTRAINT ck_events_current_attendees CHECK (current_attendees >= 0 AND (max_attendees IS NULL OR current_attendees <= max_attendees)),
  CONSTRAINT ck_events_end_date CHECK (end_date >= event_date)
);
CREATE INDEX idx_events_community ON events (community_id);
CREATE INDEX idx_events_date ON events (event_date);
CREATE INDEX idx_events_created_by ON events (created_by);

CREATE TABLE event_rsvps (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id UUID NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,

  status VARCHAR(50) NOT NULL, -- going, interested, not_going

  -- Notifications
  reminder_sent BOOLEAN NOT NULL DEFAULT FALSE,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(event_id, user_id),

  -- Checks
  CONSTRAINT ck_event_rsvps_status CHECK (status IN ('going', 'interested', 'not_going'))
);
CREATE INDEX idx_event_rsvps_user_id ON event_rsvps (user_id);

CREATE TABLE badges (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  community_id UUID REFERENCES communities(id) ON DELETE CASCADE,

  name VARCHAR(100) NOT NULL,
  description TEXT,
  icon_url TEXT,

  -- Criteria
  criteria_type VARCHAR(50), -- manual, post_count, comment_count, tenure, achievement
  criteria_value INTEGER,

  -- Rarity
  rarity VARCHAR(50), -- common, uncommon, rare, epic, legendary

  -- Status
  is_active BOOLEAN NOT NULL DEFAULT TRUE,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_badges_criteria_type CHECK (criteria_type IN ('manual', 'post_count', 'comment_count', 'tenure', 'achievement')),
  CONSTRAINT ck_badges_rarity CHECK (rarity IN ('common', 'uncommon', 'rare', 'epic', 'legendary')),
  CONSTRAINT ck_badges_criteria_value CHECK (criteria_value >= 0)
);
CREATE INDEX idx_badges_community_id ON badges (community_id);

CREATE TABLE user_badges (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  badge_id UUID NOT NULL REFERENCES badges(id) ON DELETE CASCADE,
  community_id UUID REFERENCES communities(id) ON DELETE CASCADE,

  awarded_by UUID REFERENCES users(id),
  awarded_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  UNIQUE(user_id, badge_id)
);
CREATE INDEX idx_user_badges_badge_id ON user_badges (badge_id);
CREATE INDEX idx_user_badges_community_id ON user_badges (community_id);
CREATE INDEX idx_user_badges_awarded_by ON user_badges (awarded_by);

-- notification module: notifications, user_follows
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE notifications (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,

  type VARCHAR(50) NOT NULL,
  -- comment_reply, mention, follow, like, badge, event_reminder, investment_update, order_update

  title VARCHAR(255),
  message TEXT,

  -- Reference
  reference_type VARCHAR(50), -- discussion, comment, content, event, order, investment
  reference_id UUID,

  -- Actor
  actor_id UUID REFERENCES users(id),

  -- Status
  read BOOLEAN NOT NULL DEFAULT FALSE,
  read_at TIMESTAMPTZ,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_notifications_type CHECK (type IN ('comment_reply', 'mention', 'follow', 'like', 'badge', 'event_reminder', 'investment_update', 'order_update'))
);
CREATE INDEX idx_notifications_user ON notifications (user_id);
CREATE INDEX idx_notifications_read ON notifications (user_id, read);
CREATE INDEX idx_notifications_actor_id ON notifications (actor_id);

CREATE TABLE user_follows (
  follower_id UUID REFERENCES users(id) ON DELETE CASCADE,
  following_id UUID REFERENCES users(id) ON DELETE CASCADE,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  PRIMARY KEY (follower_id, following_id),

  -- Checks
  CONSTRAINT ck_user_follows_following_id CHECK (following_id <> follower_id)
);
CREATE INDEX idx_user_follows_following_id ON user_follows (following_id);

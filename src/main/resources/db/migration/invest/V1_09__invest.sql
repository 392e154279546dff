-- invest module: campaigns, campaign_updates, investment_tiers, investments, investor_rewards, revenue_distributions, investor_payouts
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE campaigns (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID REFERENCES projects(id) ON DELETE SET NULL, -- Link to IP
  organization_id UUID REFERENCES organizations(id),
  created_by UUID REFERENCES users(id),

  -- Basic Info
  title VARCHAR(255) NOT NULL,
  slug VARCHAR(255) UNIQUE,
  tagline VARCHAR(500),
  description TEXT,
  story TEXT, -- Rich text story/pitch

  -- Media
  poster_url TEXT,
  banner_url TEXT,
  video_url TEXT, -- Pitch video
  gallery JSONB NOT NULL DEFAULT '[]', -- Array of image URLs

  -- Funding
  goal_amount DECIMAL(15,2) NOT NULL,
  raised_amount DECIMAL(15,2) NOT NULL DEFAULT 0,
  backer_count INTEGER NOT NULL DEFAULT 0,
  currency VARCHAR(10) NOT NULL DEFAULT 'IDR',

  -- Funding Type
  funding_type VARCHAR(50) NOT NULL DEFAULT 'flexible', -- all_or_nothing, flexible
  equity_offered DECIMAL(5,2), -- Percentage if equity crowdfunding

  -- Timeline
  start_date TIMESTAMPTZ,
  end_date TIMESTAMPTZ,

  -- Classification
  category VARCHAR(50), -- film, series, animation, novel, game, music
  tags JSONB NOT NULL DEFAULT '[]',

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'draft', -- draft, pending_review, active, funded, failed, completed, cancelled

  -- Risk & Challenges
  risks TEXT,
  challenges TEXT,

  -- Updates
  update_count INTEGER NOT NULL DEFAULT 0,

  -- Verification
  is_verified BOOLEAN NOT NULL DEFAULT FALSE,
  verified_at TIMESTAMPTZ,

  -- Performance
  performance_score INTEGER, -- AI predicted score

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  launched_at TIMESTAMPTZ,
  funded_at TIMESTAMPTZ,

  -- Checks
  CONSTRAINT ck_campaigns_funding_type CHECK (funding_type IN ('all_or_nothing', 'flexible')),
  CONSTRAINT ck_campaigns_category CHECK (category IN ('film', 'series', 'animation', 'novel', 'game', 'music')),
  CONSTRAINT ck_campaigns_status CHECK (status IN ('draft', 'pending_review', 'active', 'funded', 'failed', 'completed', 'cancelled')),
  CONSTRAINT ck_campaigns_goal_amount CHECK (goal_amount >= 0),
  CONSTRAINT ck_campaigns_raised_amount CHECK (raised_amount >= 0),
  CONSTRAINT ck_campaigns_backer_count CHECK (backer_count >= 0),
  CONSTRAINT ck_campaigns_update_count CHECK (update_count >= 0),
  CONSTRAINT ck_campaigns_equity_offered CHECK (equity_offered BETWEEN 0 AND 100)
);
CREATE INDEX idx_campaigns_status ON campaigns (status);
CREATE INDEX idx_campaigns_project ON campaigns (project_id);
CREATE INDEX idx_campaigns_organization_id ON campaigns (organization_id);
CREATE INDEX idx_campaigns_created_by ON campaigns (created_by);

CREATE TABLE campaign_updates (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id UUID NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  author_id UUID REFERENCES users(id),

  title VARCHAR(255) NOT NULL,
  content TEXT NOT NULL,

  -- Visibility
  visibility VARCHAR(50) NOT NULL DEFAULT 'public', -- public, backers_only

  -- Engagement
  like_count INTEGER NOT NULL DEFAULT 0,
  comment_count INTEGER NOT NULL DEFAULT 0,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_campaign_updates_visibility CHECK (visibility IN ('public', 'backers_only')),
  CONSTRAINT ck_campaign_updates_like_count CHECK (like_count >= 0),
  CONSTRAINT ck_campaign_updates_comment_count CHECK (comment_count >= 0)
);
CREATE INDEX idx_campaign_updates_campaign_id ON campaign_updates (campaign_id);
CREATE INDEX idx_campaign_updates_author_id ON campaign_updates (author_id);

CREATE TABLE investment_tiers (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id UUID NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,

  name VARCHAR(100) NOT NULL, -- Supporter, Bronze, Silver, Gold, Platinum
  description TEXT,

  -- Pricing
  min_amount DECIMAL(15,2) NOT NULL,
  max_amount DECIMAL(15,2),
  suggested_amount DECIMAL(15,2),

  -- Rewards
  benefits JSONB NOT NULL DEFAULT '[]', -- Array of benefit descriptions
  reward_items JSONB NOT NULL DEFAULT '[]', -- Physical/digital rewards

  -- Equity/Revenue Share
  revenue_share_percent DECIMAL(5,2) NOT NULL DEFAULT 0,
  equity_percent DECIMAL(5,2) NOT NULL DEFAULT 0,

  -- NFT
  nft_included BOOLEAN NOT NULL DEFAULT FALSE,
  nft_collection_id VARCHAR(255),

  -- Limits
  limit_quantity INTEGER, -- NULL = unlimited
  sold_quantity INTEGER NOT NULL DEFAULT 0,

  -- Timing
  estimated_delivery DATE,

  -- Display
  display_order INTEGER NOT NULL DEFAULT 0,
  is_featured BOOLEAN NOT NULL DEFAULT FALSE,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_investment_tiers_min_amount CHECK (min_amount >= 0),
  CONSTRAINT ck_investment_tiers_suggested_amount CHECK (suggested_amount >= 0),
  CONSTRAINT ck_investment_tiers_limit_quantity CHECK (limit_quantity >= 0),
  CONSTRAINT ck_investment_tiers_max_amount CHECK (max_amount >= min_amount),
  CONSTRAINT ck_investment_tiers_revenue_share_percent CHECK (revenue_share_percent BETWEEN 0 AND 100),
  CONSTRAINT ck_investment_tiers_equity_percent CHECK (equity_percent BETWEEN 0 AND 100),
  CONSTRAINT ck_investment_tiers_sold_quantity CHECK (sold_quantity >= 0 AND (limit_quantity IS NULL OR sold_quantity <= limit_quantity))
);
CREATE INDEX idx_investment_tiers_campaign_id ON investment_tiers (campaign_id);

CREATE TABLE investments (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id UUID NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  user_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  tier_id UUID REFERENCES investment_tiers(id),

  -- Amount
  amount DECIMAL(15,2) NOT NULL,
  currency VARCHAR(10) NOT NULL DEFAULT 'IDR',

  -- Payment
  payment_status VARCHAR(50), -- pending, processing, completed, failed, refunded
  payment_method VARCHAR(50), -- credit_card, bank_transfer, ewallet, crypto
  payment_reference VARCHAR(255),
  payment_gateway VARCHAR(50), -- midtrans, xendit, stripe

  -- Fees
  platform_fee DECIMAL(15,2) NOT NULL DEFAULT 0,
  payment_fee DECIMAL(15,2) NOT NULL DEFAULT 0,
  net_amount DECIMAL(15,2),

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'pending', -- pending, confirmed, cancelled, refunded

  -- Metadata
  metadata JSONB NOT NULL DEFAULT '{}',

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  confirmed_at TIMESTAMPTZ,
  refunded_at TIMESTAMPTZ,

  -- Checks
  CONSTRAINT ck_investments_payment_status CHECK (payment_status IN ('pending', 'processing', 'completed', 'failed', 'refunded')),
  CONSTRAINT ck_investments_payment_method CHECK (payment_method IN ('credit_card', 'bank_transfer', 'ewallet', 'crypto')),
  CONSTRAINT ck_investments_status CHECK (status IN ('pending', 'confirmed', 'cancelled', 'refunded')),
  CONSTRAINT ck_investments_amount CHECK (amount >= 0),
  CONSTRAINT ck_investments_platform_fee CHECK (platform_fee >= 0),
  CONSTRAINT ck_investments_payment_fee CHECK (payment_fee >= 0),
  CONSTRAINT ck_investments_net_amount CHECK (net_amount >= 0)
);
CREATE INDEX idx_investments_campaign ON investments (campaign_id);
CREATE INDEX idx_investments_user ON investments (user_id);
CREATE INDEX idx_investments_status ON investments (payment_status);
CREATE INDEX idx_investments_tier_id ON investments (tier_id);

CREATE TABLE investor_rewards (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  investment_id UUID NOT NULL REFERENCES investments(id) ON DELETE CASCADE,

  reward_type VARCHAR(50) NOT NULL, -- nft, physical, digital, access, revenue_share, credit
  name VARCHAR(255),
  description TEXT,

  -- Delivery
  status VARCHAR(50) NOT NULL DEFAULT 'pending', -- pending, processing, shipped, delivered, failed
  tracking_number VARCHAR(255),
  shipping_address JSONB,

  -- Digital
  download_url TEXT,
  access_code VARCHAR(255),

  -- Timestamps
  delivered_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_investor_rewards_reward_type CHECK (reward_type IN ('nft', 'physical', 'digital', 'access', 'revenue_share', 'credit')),
  CONSTRAINT ck_investor_rewards_status CHECK (status IN ('pending', 'processing', 'shipped', 'delivered', 'failed'))
);
CREATE INDEX idx_investor_rewards_investment_id ON investor_rewards (investment_id);

CREATE TABLE revenue_distributions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id UUID NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,

  -- Period
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,

  -- Amounts
  total_revenue DECIMAL(15,2) NOT NULL,
  platform_share DECIMAL(15,2),
  creator_share DECIMAL(15,2),
  investor_pool DECIMAL(15,2),

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'pending', -- pending, processing, completed

  -- Timestamps
  distributed_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_revenue_distributions_status CHECK (status IN ('pending', 'processing', 'completed')),
  CONSTRAINT ck_revenue_distributions_total_revenue CHECK (total_revenue >= 0),
  CONSTRAINT ck_revenue_distributions_platform_share CHECK (platform_share >= 0),
  CONSTRAINT ck_revenue_distributions_creator_share CHECK (creator_share >= 0),
  CONSTRAINT ck_revenue_distributions_investor_pool CHECK (investor_pool >= 0),
  CONSTRAINT ck_revenue_distributions_period_end CHECK (period_end >= period_start)
);
CREATE INDEX idx_revenue_distributions_campaign_id ON revenue_distributions (campaign_id);

CREATE TABLE investor_payouts (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  distribution_id UUID NOT NULL REFERENCES revenue_distributions(id) ON DELETE CASCADE,
  investment_id UUID NOT NULL REFERENCES investments(id) ON DELETE CASCADE,
  user_id UUID REFERENCES users(id),

  -- Calculation
  share_percent DECIMAL(5,2),
  amount DECIMAL(15,2) NOT NULL,
  currency VARCHAR(10) NOT NULL DEFAULT 'IDR',

  -- Payment
  status VARCHAR(50) NOT NULL DEFAULT 'pending', -- pending, processing, completed, failed
  payment_method VARCHAR(50),
  payment_reference VARCHAR(255),

  paid_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_investor_payouts_status CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
  CONSTRAINT ck_investor_payouts_share_percent CHECK (share_percent BETWEEN 0 AND 100),
  CONSTRAINT ck_investor_payouts_amount CHECK (amount >= 0)
);
CREATE INDEX idx_investor_payouts_distribution_id ON investor_payouts (distribution_id);
CREATE INDEX idx_investor_payouts_investment_id ON investor_payouts (investment_id);
CREATE INDEX idx_investor_payouts_user_id ON investor_payouts (user_id);

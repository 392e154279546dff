-- licensing module: license_catalog, license_requests, license_agreements, royalty_reports
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE license_catalog (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,

  -- Availability
  is_available BOOLEAN NOT NULL DEFAULT TRUE,

  -- License Types Available
  available_types JSONB NOT NULL DEFAULT '[]',
  -- [merchandise, media_adaptation, gaming, theme_park, publishing, music]

  -- Territories
  available_territories JSONB NOT NULL DEFAULT '[]', -- [indonesia, southeast_asia, global]

  -- Pricing Guidelines
  minimum_guarantee DECIMAL(15,2),
  royalty_range JSONB, -- {min: 5, max: 15}

  -- Assets
  brand_guidelines_url TEXT,
  asset_kit_url TEXT,

  -- Description
  description TEXT,
  highlights JSONB NOT NULL DEFAULT '[]',

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_license_catalog_minimum_guarantee CHECK (minimum_guarantee >= 0)
);
CREATE INDEX idx_license_catalog_project_id ON license_catalog (project_id);

CREATE TABLE license_requests (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,

  -- Requester
  requester_user_id UUID REFERENCES users(id),
  company_name VARCHAR(255) NOT NULL,
  company_website VARCHAR(255),
  contact_name VARCHAR(255) NOT NULL,
  contact_email VARCHAR(255) NOT NULL,
  contact_phone VARCHAR(50),

  -- Request Details
  license_type VARCHAR(50) NOT NULL, -- merchandise, media, gaming, theme_park
  territory VARCHAR(100) NOT NULL,
  duration_years INTEGER,

  -- Proposal
  proposed_royalty_percent DECIMAL(5,2),
  proposed_minimum_guarantee DECIMAL(15,2),
  proposed_products TEXT, -- Description of planned products

  message TEXT,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'pending', -- pending, reviewing, negotiating, approved, rejected

  -- Internal
  assigned_to UUID REFERENCES users(id),
  internal_notes TEXT,

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_license_requests_status CHECK (status IN ('pending', 'reviewing', 'negotiating', 'approved', 'rejected')),
  CONSTRAINT ck_license_requests_duration_years CHECK (duration_years >= 0),
  CONSTRAINT ck_license_requests_proposed_minimum_guarantee CHECK (proposed_minimum_guarantee >= 0),
  CONSTRAINT ck_license_requests_proposed_royalty_percent CHECK (proposed_royalty_percent BETWEEN 0 AND 100)
);
CREATE INDEX idx_license_requests_project_id ON license_requests (project_id);
CREATE INDEX idx_license_requests_requester_user_id ON license_requests (requester_user_id);
CREATE INDEX idx_license_requests_assigned_to ON license_requests (assigned_to);

CREATE TABLE license_agreements (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  request_id UUID REFERENCES license_requests(id),

  -- Parties
  licensor_org_id UUID REFERENCES organizations(id),
  licensee_user_id UUID REFERENCES users(id),
  licensee_company VARCHAR(255),

  -- Terms
  license_type VARCHAR(50) NOT NULL,
  territory VARCHAR(100) NOT NULL,

  start_date DATE NOT NULL,
  end_date DATE NOT NULL,

  -- Financial
  royalty_percent DECIMAL(5,2) NOT NULL,
  minimum_guarantee DECIMAL(15,2),
  advance_payment DECIMAL(15,2),

  -- Contract
  contract_url TEXT,
  signed_at TIMESTAMPTZ,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'draft', -- draft, pending_signature, active, expired, terminated

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_license_agreements_status CHECK (status IN ('draft', 'pending_signature', 'active', 'expired', 'terminated')),
  CONSTRAINT ck_license_agreements_royalty_percent CHECK (royalty_percent BETWEEN 0 AND 100),
  CONSTRAINT ck_license_agreements_minimum_guarantee CHECK (minimum_guarantee >= 0),
  CONSTRAINT ck_license_agreements_advance_payment CHECK (advance_payment >= 0),
  CONSTRAINT ck_license_agreements_end_date CHECK (end_date >= start_date)
);
CREATE INDEX idx_license_agreements_project_id ON license_agreements (project_id);
CREATE INDEX idx_license_agreements_request_id ON license_agreements (request_id);
CREATE INDEX idx_license_agreements_licensor_org_id ON license_agreements (licensor_org_id);
CREATE INDEX idx_license_agreements_licensee_user_id ON license_agreements (licensee_user_id);

CREATE TABLE royalty_reports (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id UUID NOT NULL REFERENCES license_agreements(id) ON DELETE CASCADE,

  -- Period
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,

  -- Revenue
  gross_revenue DECIMAL(15,2) NOT NULL,
  net_revenue DECIMAL(15,2),
  royalty_amount DECIMAL(15,2) NOT NULL,

  -- Details
  sales_breakdown JSONB, -- By product/category

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'pending', -- pending, verified, paid, disputed

  -- Payment
  paid_at TIMESTAMPTZ,
  payment_reference VARCHAR(255),

  -- Timestamps
  submitted_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_royalty_reports_status CHECK (status IN ('pending', 'verified', 'paid', 'disputed')),
  CONSTRAINT ck_royalty_reports_gross_revenue CHECK (gross_revenue >= 0),
  CONSTRAINT ck_royalty_reports_net_revenue CHECK (net_revenue >= 0),
  CONSTRAINT ck_royalty_reports_royalty_amount CHECK (royalty_amount >= 0),
  CONSTRAINT ck_royalty_reports_period_end CHECK (period_end >= period_start)
);
CREATE INDEX idx_royalty_reports_agreement_id ON royalty_reports (agreement_id);

-- shop module: products, product_variants, carts, cart_items, orders, order_items, discount_codes
-- Table and column names, defaults, UNIQUE constraints, foreign keys and the ERD indexes follow
-- the product ERD; every deviation from it is explained in docs/schema.md.

CREATE TABLE products (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id UUID REFERENCES projects(id) ON DELETE SET NULL, -- Link to IP
  organization_id UUID REFERENCES organizations(id),

  -- Basic Info
  name VARCHAR(255) NOT NULL,
  slug VARCHAR(255) UNIQUE,
  description TEXT,
  short_description VARCHAR(500),

  -- Category
  category VARCHAR(50) NOT NULL, -- apparel, toys, books, stationary, collectibles, digital
  sub_category VARCHAR(100),

  -- Pricing
  price DECIMAL(15,2) NOT NULL,
  compare_at_price DECIMAL(15,2), -- Original price for sale display
  cost_price DECIMAL(15,2), -- Internal cost
  currency VARCHAR(10) NOT NULL DEFAULT 'IDR',

  -- Inventory
  sku VARCHAR(100) UNIQUE,
  barcode VARCHAR(100),
  stock_quantity INTEGER NOT NULL DEFAULT 0,
  low_stock_threshold INTEGER NOT NULL DEFAULT 10,
  track_inventory BOOLEAN NOT NULL DEFAULT TRUE,
  allow_backorder BOOLEAN NOT NULL DEFAULT FALSE,

  -- Variants
  has_variants BOOLEAN NOT NULL DEFAULT FALSE,
  variant_options JSONB NOT NULL DEFAULT '[]', -- [{name: "Size", values: ["S","M","L"]}]

  -- Media
  images JSONB NOT NULL DEFAULT '[]', -- Array of image URLs
  thumbnail_url TEXT,

  -- Physical
  weight_grams INTEGER,
  dimensions JSONB, -- {length, width, height}

  -- Digital
  is_digital BOOLEAN NOT NULL DEFAULT FALSE,
  digital_file_url TEXT,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'draft', -- draft, active, out_of_stock, discontinued
  visibility VARCHAR(50) NOT NULL DEFAULT 'public',
  featured BOOLEAN NOT NULL DEFAULT FALSE,

  -- SEO
  meta_title VARCHAR(255),
  meta_description TEXT,

  -- Stats
  view_count INTEGER NOT NULL DEFAULT 0,
  sold_count INTEGER NOT NULL DEFAULT 0,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_products_category CHECK (category IN ('apparel', 'toys', 'books', 'stationary', 'collectibles', 'digital')),
  CONSTRAINT ck_products_status CHECK (status IN ('draft', 'active', 'out_of_stock', 'discontinued')),
  CONSTRAINT ck_products_price CHECK (price >= 0),
  CONSTRAINT ck_products_compare_at_price CHECK (compare_at_price >= 0),
  CONSTRAINT ck_products_cost_price CHECK (cost_price >= 0),
  CONSTRAINT ck_products_stock_quantity CHECK (stock_quantity >= 0),
  CONSTRAINT ck_products_low_stock_threshold CHECK (low_stock_threshold >= 0),
  CONSTRAINT ck_products_weight_grams CHECK (weight_grams >= 0),
  CONSTRAINT ck_products_view_count CHECK (view_count >= 0),
  CONSTRAINT ck_products_sold_count CHECK (sold_count >= 0)
);
CREATE INDEX idx_products_project ON products (project_id);
CREATE INDEX idx_products_category ON products (category);
CREATE INDEX idx_products_status ON products (status);
CREATE INDEX idx_products_organization_id ON products (organization_id);

CREATE TABLE product_variants (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id UUID NOT NULL REFERENCES products(id) ON DELETE CASCADE,

  -- Variant Details
  title VARCHAR(255), -- e.g., "Red / Large"
  options JSONB NOT NULL, -- {size: "L", color: "Red"}

  -- Pricing
  price DECIMAL(15,2),
  compare_at_price DECIMAL(15,2),

  -- Inventory
  sku VARCHAR(100),
  stock_quantity INTEGER NOT NULL DEFAULT 0,

  -- Media
  image_url TEXT,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_product_variants_price CHECK (price >= 0),
  CONSTRAINT ck_product_variants_compare_at_price CHECK (compare_at_price >= 0),
  CONSTRAINT ck_product_variants_stock_quantity CHECK (stock_quantity >= 0)
);
CREATE INDEX idx_product_variants_product_id ON product_variants (product_id);

CREATE TABLE carts (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID REFERENCES users(id) ON DELETE CASCADE,

  -- Session cart for guests
  session_id VARCHAR(255),

  -- Totals (calculated)
  subtotal DECIMAL(15,2) NOT NULL DEFAULT 0,
  item_count INTEGER NOT NULL DEFAULT 0,

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_carts_subtotal CHECK (subtotal >= 0),
  CONSTRAINT ck_carts_item_count CHECK (item_count >= 0)
);
CREATE INDEX idx_carts_user_id ON carts (user_id);

CREATE TABLE cart_items (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  cart_id UUID NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
  product_id UUID NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  variant_id UUID REFERENCES product_variants(id) ON DELETE SET NULL,

  quantity INTEGER NOT NULL DEFAULT 1,
  unit_price DECIMAL(15,2) NOT NULL,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_cart_items_quantity CHECK (quantity > 0),
  CONSTRAINT ck_cart_items_unit_price CHECK (unit_price >= 0)
);
CREATE INDEX idx_cart_items_cart_id ON cart_items (cart_id);
CREATE INDEX idx_cart_items_product_id ON cart_items (product_id);
CREATE INDEX idx_cart_items_variant_id ON cart_items (variant_id);

CREATE TABLE orders (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID REFERENCES users(id) ON DELETE SET NULL,
  organization_id UUID REFERENCES organizations(id),

  -- Order Number
  order_number VARCHAR(50) UNIQUE NOT NULL,

  -- Status
  status VARCHAR(50) NOT NULL DEFAULT 'pending',
  -- pending, confirmed, processing, shipped, delivered, cancelled, refunded

  -- Amounts
  subtotal DECIMAL(15,2) NOT NULL,
  discount_amount DECIMAL(15,2) NOT NULL DEFAULT 0,
  shipping_cost DECIMAL(15,2) NOT NULL DEFAULT 0,
  tax_amount DECIMAL(15,2) NOT NULL DEFAULT 0,
  total DECIMAL(15,2) NOT NULL,
  currency VARCHAR(10) NOT NULL DEFAULT 'IDR',

  -- Customer Info
  customer_email VARCHAR(255),
  customer_phone VARCHAR(50),

  -- Shipping
  shipping_address JSONB,
  -- {name, address_line_1, address_line_2, city, province, postal_code, country, phone}
  billing_address JSONB,

  shipping_method VARCHAR(100),
  tracking_number VARCHAR(255),
  shipped_at TIMESTAMPTZ,
  delivered_at TIMESTAMPTZ,

  -- Payment
  payment_status VARCHAR(50), -- pending, paid, failed, refunded
  payment_method VARCHAR(50),
  payment_reference VARCHAR(255),
  paid_at TIMESTAMPTZ,

  -- Discount
  discount_code VARCHAR(100),

  -- Notes
  customer_notes TEXT,
  internal_notes TEXT,

  -- Timestamps
  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'confirmed', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded')),
  CONSTRAINT ck_orders_payment_status CHECK (payment_status IN ('pending', 'paid', 'failed', 'refunded')),
  CONSTRAINT ck_orders_subtotal CHECK (subtotal >= 0),
  CONSTRAINT ck_orders_discount_amount CHECK (discount_amount >= 0),
  CONSTRAINT ck_orders_shipping_cost CHECK (shipping_cost >= 0),
  CONSTRAINT ck_orders_tax_amount CHECK (tax_amount >= 0),
  CONSTRAINT ck_orders_total CHECK (total >= 0)
);
CREATE INDEX idx_orders_user ON orders (user_id);
CREATE INDEX idx_orders_status ON orders (status);
CREATE INDEX idx_orders_organization_id ON orders (organization_id);

CREATE TABLE order_items (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id UUID NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  product_id UUID REFERENCES products(id) ON DELETE SET NULL,
  variant_id UUID REFERENCES product_variants(id) ON DELETE SET NULL,

  -- Product Snapshot
  product_name VARCHAR(255) NOT NULL,
  variant_title VARCHAR(255),
  sku VARCHAR(100),

  quantity INTEGER NOT NULL,
  unit_price DECIMAL(15,2) NOT NULL,
  subtotal DECIMAL(15,2) NOT NULL,

  -- Fulfillment
  fulfilled_quantity INTEGER NOT NULL DEFAULT 0,

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_order_items_quantity CHECK (quantity > 0),
  CONSTRAINT ck_order_items_unit_price CHECK (unit_price >= 0),
  CONSTRAINT ck_order_items_subtotal CHECK (subtotal >= 0),
  CONSTRAINT ck_order_items_fulfilled_quantity CHECK (fulfilled_quantity BETWEEN 0 AND quantity)
);
CREATE INDEX idx_order_items_order ON order_items (order_id);
CREATE INDEX idx_order_items_product_id ON order_items (product_id);
CREATE INDEX idx_order_items_variant_id ON order_items (variant_id);

CREATE TABLE discount_codes (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id UUID REFERENCES organizations(id),

  code VARCHAR(50) UNIQUE NOT NULL,
  description TEXT,

  -- Type
  type VARCHAR(50) NOT NULL, -- percentage, fixed_amount, free_shipping
  value DECIMAL(10,2) NOT NULL,

  -- Limits
  minimum_order DECIMAL(15,2),
  maximum_discount DECIMAL(15,2),
  usage_limit INTEGER,
  usage_count INTEGER NOT NULL DEFAULT 0,
  per_user_limit INTEGER DEFAULT 1,

  -- Validity
  starts_at TIMESTAMPTZ,
  expires_at TIMESTAMPTZ,
  is_active BOOLEAN NOT NULL DEFAULT TRUE,

  -- Restrictions
  product_ids JSONB, -- Specific products only
  category_ids JSONB, -- Specific categories only

  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),

  -- Checks
  CONSTRAINT ck_discount_codes_type CHECK (type IN ('percentage', 'fixed_amount', 'free_shipping')),
  CONSTRAINT ck_discount_codes_value CHECK (value >= 0 AND (type <> 'percentage' OR value <= 100)),
  CONSTRAINT ck_discount_codes_minimum_order CHECK (minimum_order >= 0),
  CONSTRAINT ck_discount_codes_maximum_discount CHECK (maximum_discount >= 0),
  CONSTRAINT ck_discount_codes_usage_limit CHECK (usage_limit >= 0),
  CONSTRAINT ck_discount_codes_per_user_limit CHECK (per_user_limit >= 0),
  CONSTRAINT ck_discount_codes_usage_count CHECK (usage_count >= 0 AND (usage_limit IS NULL OR usage_count <= usage_limit))
);
CREATE INDEX idx_discount_codes_organization_id ON discount_codes (organization_id);

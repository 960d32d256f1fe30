-- Group buying (社区团购): shops approved per community, their campaigns, products and
-- delivery rounds, and households' orders (SQLite).

-- A merchant account's standing in its community; staff review each application.
CREATE TABLE merchants (
    user_id       BIGINT  PRIMARY KEY REFERENCES users (id),
    community_id  BIGINT  NOT NULL REFERENCES communities (id),
    shop_name     TEXT    NOT NULL,
    -- 'pending', 'approved' or 'rejected'.
    standing      TEXT    NOT NULL,
    reason        TEXT,
    applied_at    BIGINT  NOT NULL,
    reviewed_at   BIGINT,
    reviewed_by   BIGINT  REFERENCES users (id)
);
CREATE INDEX merchants_community ON merchants (community_id, standing);

CREATE TABLE campaigns (
    id              INTEGER PRIMARY KEY,
    community_id    BIGINT  NOT NULL REFERENCES communities (id),
    merchant_id     BIGINT  NOT NULL REFERENCES users (id),
    title           TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    min_households  BIGINT  NOT NULL,
    cut_off         BIGINT  NOT NULL,
    pickup_point    TEXT,
    -- What staff did: 'running', 'paused' or 'withdrawn', with the reason residents see.
    standing        TEXT    NOT NULL,
    reason          TEXT,
    created_at      BIGINT  NOT NULL,
    -- Set once, when the campaign was decided: 'formed', 'cancelled' or 'withdrawn'. Until
    -- then the phase follows from the clock; after, it is what buyers were told.
    outcome         TEXT,
    decided_at      BIGINT
);
CREATE INDEX campaigns_listing ON campaigns (community_id, cut_off);
CREATE INDEX campaigns_undecided ON campaigns (outcome, cut_off);

CREATE TABLE products (
    id                   INTEGER PRIMARY KEY,
    campaign_id          BIGINT  NOT NULL REFERENCES campaigns (id),
    position             BIGINT  NOT NULL,
    name                 TEXT    NOT NULL,
    unit                 TEXT    NOT NULL,
    price_fen            BIGINT  NOT NULL,
    stock                BIGINT  NOT NULL,
    -- Moved only by conditional updates in the ordering transaction; the check is the
    -- last line of defence against overselling.
    ordered              BIGINT  NOT NULL DEFAULT 0,
    per_household_limit  BIGINT  NOT NULL,
    photo_id             BIGINT  REFERENCES uploads (id),
    CHECK (ordered >= 0 AND ordered <= stock)
);
CREATE INDEX products_campaign ON products (campaign_id);

CREATE TABLE delivery_batches (
    id            INTEGER PRIMARY KEY,
    campaign_id   BIGINT  NOT NULL REFERENCES campaigns (id),
    building_id   BIGINT  NOT NULL REFERENCES buildings (id),
    window_start  BIGINT  NOT NULL,
    window_end    BIGINT  NOT NULL
);
CREATE INDEX delivery_batches_campaign ON delivery_batches (campaign_id);

-- One order per household per campaign; cancelling keeps the row (and its code).
CREATE TABLE orders (
    id            INTEGER PRIMARY KEY,
    campaign_id   BIGINT  NOT NULL REFERENCES campaigns (id),
    household_id  BIGINT  NOT NULL REFERENCES households (id),
    placed_by     BIGINT  NOT NULL REFERENCES users (id),
    -- 'pickup' or 'delivery' (then batch_id).
    fulfilment    TEXT    NOT NULL,
    batch_id      BIGINT  REFERENCES delivery_batches (id),
    total_fen     BIGINT  NOT NULL,
    pickup_code   TEXT    NOT NULL UNIQUE,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    cancelled_at  BIGINT,
    picked_up_at  BIGINT,
    picked_up_by  BIGINT  REFERENCES users (id),
    UNIQUE (campaign_id, household_id)
);
CREATE INDEX orders_household ON orders (household_id);

CREATE TABLE order_lines (
    order_id    BIGINT  NOT NULL REFERENCES orders (id),
    product_id  BIGINT  NOT NULL REFERENCES products (id),
    quantity    BIGINT  NOT NULL CHECK (quantity > 0),
    -- The price when ordered (a product's price does not change, but the line says so).
    price_fen   BIGINT  NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

-- The demo shop is approved in its community.
INSERT INTO merchants (user_id, community_id, shop_name, standing, applied_at, reviewed_at)
SELECT id, community_id, name, 'approved', created_at, created_at FROM users WHERE role = 'merchant';

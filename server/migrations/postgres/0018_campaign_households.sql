-- How many households have a standing (not cancelled) order in each campaign, kept in the
-- ordering and cancelling transactions instead of counted for every campaign listed.
ALTER TABLE campaigns ADD COLUMN households BIGINT NOT NULL DEFAULT 0;
UPDATE campaigns SET households =
    (SELECT COUNT(*) FROM orders o WHERE o.campaign_id = campaigns.id AND o.cancelled_at IS NULL);

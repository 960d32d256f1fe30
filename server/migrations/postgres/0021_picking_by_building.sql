-- The building an order is handed over in (its household's), written with the order, so
-- that the picking list counts each handover's buildings and pages their households from
-- the orders alone instead of loading every order of the campaign to group them.
ALTER TABLE orders ADD COLUMN building_id BIGINT REFERENCES buildings (id);
UPDATE orders SET building_id =
    (SELECT u.building_id FROM households h JOIN units u ON u.id = h.unit_id WHERE h.id = orders.household_id);
CREATE INDEX orders_picking ON orders (campaign_id, building_id, batch_id, household_id);

-- A community's size, which every vote page reads (how many may vote), from indexes alone:
-- its households and their floor areas, and its residents with their households. Before,
-- households had no index by community, so each read went through every community's.
CREATE INDEX households_of_community ON households (community_id, floor_area_centi_m2);
DROP INDEX users_community_role;
CREATE INDEX users_community_role ON users (community_id, role, household_id);

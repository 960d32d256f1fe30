-- Lookups the scale benchmark found reading whole tables.
-- A wish's claims (its live one, or the confirmed one): before, every wish listed scanned
-- every claim, since the one-live index is partial and the lists ask for either.
CREATE INDEX wish_claims_of_wish ON wish_claims (wish_id, outcome);
-- A resident's latest help request.
CREATE INDEX help_requests_of_resident ON help_requests (resident_id, raised_at);
-- Staff's figures per service count bookings by state and rating from this index alone.
CREATE INDEX bookings_figures ON bookings (service_id, state, rating_stars);

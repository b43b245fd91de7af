-- Receipts are looked up by event id for a batch (all consumers at once): the primary key
-- (consumer, event_id) cannot serve that.
create index consumer_receipts_by_event on consumer_receipts (event_id);

-- Every dispatched row leaves a dead entry in the partial index of pending rows until vacuum; with the
-- default thresholds (20 % of the table) the dispatcher's scans slowed as the table grew. Vacuum the
-- outbox after a few thousand changes instead.
-- [jooq ignore start]
alter table domain_events set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000,
    autovacuum_vacuum_cost_delay = 0);
-- [jooq ignore stop]

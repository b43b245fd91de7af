-- The outbox is not kept for ever (README "Configuration", VOELGOED_OUTBOX_RETENTION_DAYS): every node prunes
-- events older than the retention in small batches, with their consumer receipts, but never one still pending
-- dispatch or one of a resource with an open consumer block. resource_sequences is never pruned: a resource's
-- next event continues its seq.

-- How far each organisation's events may have been pruned: the newest timestamp among its deleted events,
-- moved in the transaction that deletes them. A resume from a point at or before it could miss events, so the
-- client is told to rehydrate (recovered: false) instead of getting a partial replay.
create table outbox_prune_marks (
    organization_id  uuid primary key,
    pruned_through   timestamptz not null,
    updated_at       timestamptz not null default now()
);

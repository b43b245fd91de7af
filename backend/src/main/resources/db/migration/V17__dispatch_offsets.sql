-- Exact resume points (issue 13, ADR 0017). Every dispatched event gets an offset in its organisation's dispatch
-- order: values of one sequence (never reused, so an offset a client saw always means the same event), taken
-- while the dispatch pass holds its organisations' order locks, so an organisation's offsets rise in the order
-- its events are published. dispatch_counters keeps each organisation's newest offset (each message names the
-- one before it, which is how a node notices one it never received); dispatch_log maps offsets to events for
-- replay.
create sequence dispatch_offsets;

create table dispatch_counters (
    organization_id  uuid primary key,
    last_offset      bigint not null
);

create table dispatch_log (
    organization_id  uuid not null,
    org_offset       bigint not null,
    position         bigint not null,
    primary key (organization_id, org_offset)
);
-- the retention prunes the log with its events, found by position
create index dispatch_log_by_position on dispatch_log (position);

-- The newest offset pruned per organisation, beside the newest time (V16): a resume point before it cannot be
-- replayed, and the client rehydrates.
alter table outbox_prune_marks add column pruned_offset bigint not null default 0;

-- Resume now reads the dispatch log by offset along its primary key; the time index V11 added for the
-- timestamp-based resume serves nothing and costs every event insert an index entry.
drop index domain_events_by_org_time;

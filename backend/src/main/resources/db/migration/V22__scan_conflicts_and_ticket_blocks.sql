-- Offline uploads and ticket blocks (ADR 0025).
-- A scan a device made on its own while offline, and whether it found the ticket already admitted by another
-- scan earlier in server order: a double admission, listed by the show's conflict report.
alter table scans add column offline boolean not null default false;
alter table scans add column conflict boolean not null default false;
create index scans_conflicts_by_event on scans (event_id, recorded_at) where conflict;

-- Tickets staff stopped at the gate (a scan answers `blocked`); unblocking deletes the row, the events keep
-- the history. The reason is staff text: shown by the API, never logged.
create table ticket_blocks (
    ticket_id        uuid primary key references tickets (id),
    organization_id  uuid not null,
    event_id         uuid not null,
    reason           varchar not null,
    blocked_at       timestamptz not null
);
create index ticket_blocks_by_event on ticket_blocks (organization_id, event_id, blocked_at);

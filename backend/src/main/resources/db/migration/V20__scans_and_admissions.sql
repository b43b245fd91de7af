-- The scanning slice (ADR 0022): what a session is, every scan it answered, and the one admission per ticket.
-- Columns added to V14's table are nullable: sessions made before this release named no show.
alter table scanning_sessions add column event_id uuid references events (id);
alter table scanning_sessions add column gate varchar;
alter table scanning_sessions add column direction varchar check (direction in ('entry', 'exit', 'both'));
alter table scanning_sessions add column ticket_types text[];
alter table scanning_sessions add column device_id uuid;
alter table scanning_sessions add column opened_at timestamptz not null default now();
alter table scanning_sessions add column closed_at timestamptz;
create index scanning_sessions_by_event on scanning_sessions (organization_id, event_id, opened_at);

-- Every scan a session answered, accepted or rejected. (session_id, nonce) is the idempotency key: a device
-- that sends a nonce again gets the stored answer back and nothing new is recorded.
create table scans (
    id               uuid primary key,
    organization_id  uuid not null,
    session_id       uuid not null references scanning_sessions (id),
    nonce            varchar not null,
    event_id         uuid not null,
    ticket_id        uuid,
    result           varchar not null,
    direction        varchar not null,
    device_id        uuid,
    scanned_at       timestamptz,
    recorded_at      timestamptz not null default now(),
    answer           jsonb not null,
    unique (session_id, nonce)
);
create index scans_by_event on scans (event_id, recorded_at);

-- The source of truth of invariant 5: a ticket is admitted at most once, whatever Redis said.
create table admissions (
    ticket_id        uuid primary key,
    organization_id  uuid not null,
    event_id         uuid not null,
    scan_id          uuid not null references scans (id),
    session_id       uuid not null,
    gate             varchar not null,
    device_id        uuid,
    admitted_at      timestamptz not null
);
create index admissions_by_event on admissions (event_id);

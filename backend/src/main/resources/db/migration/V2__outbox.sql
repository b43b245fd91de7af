-- The transactional outbox (ADR 0003). A row exists iff the action that wrote it committed.
create table resource_sequences (
    resource_type  varchar not null,
    resource_id    uuid not null,
    last_seq       bigint not null,
    primary key (resource_type, resource_id)
);

create table domain_events (
    position          bigint generated always as identity primary key,
    event_id          uuid not null unique,
    event_type        varchar not null,
    organization_id   uuid not null,
    resource_type     varchar not null,
    resource_id       uuid not null,
    resource_seq      bigint not null,
    persisted_change  jsonb not null,
    "timestamp"       timestamptz not null,
    actor_user_id     uuid,
    ip_address        varchar,
    metadata          jsonb not null,
    dispatch_status   varchar not null default 'pending' check (dispatch_status in ('pending', 'dispatched')),
    dispatched_at     timestamptz,
    unique (resource_type, resource_id, resource_seq)
);

-- Only undispatched rows are ever scanned by the dispatcher; the index stays as small as the backlog.
create index domain_events_pending on domain_events (position) where dispatch_status = 'pending';
create index domain_events_by_org on domain_events (organization_id, position);

-- One row per (consumer, event) it has applied: a redelivery finds the row and is a no-op.
create table consumer_receipts (
    consumer      varchar not null,
    event_id      uuid not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- The sequenced dead letter (ADR 0004): a consumer that failed on an event of a resource holds back
-- that resource's later events for that consumer only, until the head succeeds, is replayed or skipped.
create table consumer_blocks (
    id               uuid primary key,
    consumer         varchar not null,
    organization_id  uuid not null,
    resource_type    varchar not null,
    resource_id      uuid not null,
    head_event_id    uuid not null,
    head_seq         bigint not null,
    state            varchar not null check (state in ('retrying', 'parked')),
    attempts         integer not null,
    next_attempt_at  timestamptz not null,
    last_error       varchar not null,
    errors           jsonb not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    unique (consumer, resource_type, resource_id)
);

create index consumer_blocks_due on consumer_blocks (next_attempt_at) where state = 'retrying';

create table consumer_block_audit (
    id          bigint generated always as identity primary key,
    block_id    uuid not null,
    consumer    varchar not null,
    action      varchar not null check (action in ('blocked', 'parked', 'replayed', 'skipped', 'resolved')),
    actor       varchar not null,
    reason      varchar,
    event_id    uuid,
    at          timestamptz not null default now()
);

-- [jooq ignore start]
create function notify_domain_events() returns trigger language plpgsql as $$
begin
    perform pg_notify('domain_events', '');
    return null;
end
$$;

create trigger domain_events_notify after insert on domain_events
    for each statement execute function notify_domain_events();
-- [jooq ignore stop]

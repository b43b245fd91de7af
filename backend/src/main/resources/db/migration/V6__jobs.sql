-- Durable jobs (ADR 0009). One row per job; its state machine is documented in jobs/JobState.java.
create table job_queues (
    name             varchar primary key,
    organization_id  uuid not null,
    kind             varchar not null,
    paused           boolean not null default false,
    updated_at       timestamptz not null default now()
);
create index job_queues_by_kind on job_queues (kind, name);

-- Every claim takes a new number: a worker may only finish a job while its number is the job's claim.
create sequence job_claims;

create table jobs (
    id               bigint generated always as identity primary key,
    queue            varchar not null,
    organization_id  uuid not null,
    kind             varchar not null,
    worker           varchar not null,
    event_type       varchar not null,
    args             jsonb not null,
    state            varchar not null check (state in
                         ('available', 'scheduled', 'executing', 'retryable', 'completed', 'discarded', 'cancelled')),
    priority         smallint not null default 0,
    attempt          integer not null default 0,
    max_attempts     integer not null,
    scheduled_at     timestamptz not null,
    attempted_at     timestamptz,
    attempted_by     varchar,
    claim            bigint,
    finished_at      timestamptz,
    unique_key       varchar,
    errors           jsonb not null default '[]',
    inserted_at      timestamptz not null default now()
);

-- The fetch walks one queue at a time in this order and stops at its limit.
create index jobs_runnable on jobs (queue, priority, scheduled_at, id)
    where state in ('available', 'scheduled', 'retryable');
create index jobs_executing on jobs (attempted_by) where state = 'executing';
create index jobs_finished on jobs (finished_at) where state in ('completed', 'cancelled');
-- A unique key makes one job while a job with that key is alive or completed (pruning frees the key).
create unique index jobs_unique_key on jobs (unique_key)
    where unique_key is not null and state not in ('discarded', 'cancelled');

-- Effects a worker applied, by key: a second run of the same job finds its key and does nothing.
create table job_effects (
    key         varchar primary key,
    job_id      bigint not null,
    applied_at  timestamptz not null default now()
);

-- Liveness by the database clock: a node whose heartbeat is older than the timeout is dead.
create table job_nodes (
    node_id       varchar primary key,
    started_at    timestamptz not null default now(),
    heartbeat_at  timestamptz not null default now()
);

create table dead_letters (
    id                 uuid primary key,
    job_id             bigint not null,
    organization_id    uuid not null,
    queue              varchar not null,
    source_queue       varchar not null,
    worker             varchar not null,
    event_type         varchar not null,
    args               jsonb not null,
    attempts           integer not null,
    errors             jsonb not null,
    unique_key         varchar,
    effect_key         varchar not null,
    status             varchar not null check (status in ('dead', 'replayed', 'discarded')),
    dead_at            timestamptz not null default now(),
    resolved_at        timestamptz,
    resolved_by        varchar,
    resolution_reason  varchar
);
create index dead_letters_page on dead_letters (organization_id, dead_at desc, id desc);
create unique index dead_letters_open_per_job on dead_letters (job_id) where status = 'dead';

-- Nothing leaves the dead-letter queue without a row here.
create table dead_letter_audit (
    id               bigint generated always as identity primary key,
    dead_letter_id   uuid not null,
    organization_id  uuid not null,
    action           varchar not null check (action in ('dead', 'replayed', 'discarded')),
    actor            varchar not null,
    reason           varchar,
    job_id           bigint,
    at               timestamptz not null default now()
);
create index dead_letter_audit_by_entry on dead_letter_audit (dead_letter_id, id);

-- Jobs by queue and state, kept from counters instead of COUNT(*): triggers append deltas (no hot row),
-- a node folds them into job_counts every few seconds.
create table job_count_deltas (
    id     bigint generated always as identity primary key,
    queue  varchar not null,
    state  varchar not null,
    delta  bigint not null
);

create table job_counts (
    queue  varchar not null,
    state  varchar not null,
    count  bigint not null,
    primary key (queue, state)
);

-- [jooq ignore start]
create function job_counts_on_insert() returns trigger language plpgsql as $$
begin
    insert into job_count_deltas (queue, state, delta)
        select queue, state, count(*) from new_rows group by queue, state;
    return null;
end
$$;

create function job_counts_on_update() returns trigger language plpgsql as $$
begin
    insert into job_count_deltas (queue, state, delta)
        select queue, state, sum(d) from (
            select queue, state, -1 as d from old_rows
            union all
            select queue, state, 1 as d from new_rows) moves
        group by queue, state having sum(d) <> 0;
    return null;
end
$$;

create function job_counts_on_delete() returns trigger language plpgsql as $$
begin
    insert into job_count_deltas (queue, state, delta)
        select queue, state, -count(*) from old_rows group by queue, state;
    return null;
end
$$;

create trigger jobs_count_insert after insert on jobs
    referencing new table as new_rows for each statement execute function job_counts_on_insert();
create trigger jobs_count_update after update on jobs
    referencing old table as old_rows new table as new_rows for each statement execute function job_counts_on_update();
create trigger jobs_count_delete after delete on jobs
    referencing old table as old_rows for each statement execute function job_counts_on_delete();

-- The DLQ depth uses the same counters: queue is the DLQ name, state the entry's status.
create function dead_letter_counts_on_insert() returns trigger language plpgsql as $$
begin
    insert into job_count_deltas (queue, state, delta)
        select queue, status, count(*) from new_rows group by queue, status;
    return null;
end
$$;

create function dead_letter_counts_on_update() returns trigger language plpgsql as $$
begin
    insert into job_count_deltas (queue, state, delta)
        select queue, status, sum(d) from (
            select queue, status, -1 as d from old_rows
            union all
            select queue, status, 1 as d from new_rows) moves
        group by queue, status having sum(d) <> 0;
    return null;
end
$$;

create trigger dead_letters_count_insert after insert on dead_letters
    referencing new table as new_rows for each statement execute function dead_letter_counts_on_insert();
create trigger dead_letters_count_update after update on dead_letters
    referencing old table as old_rows new table as new_rows for each statement execute function dead_letter_counts_on_update();

alter table jobs set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0);
alter table job_count_deltas set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0);
-- [jooq ignore stop]

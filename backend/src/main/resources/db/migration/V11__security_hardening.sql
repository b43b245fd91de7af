-- Security hardening (issue 12).

-- Idempotency: rows of the earlier release hold an unkeyed SHA-256 of the raw body (card number included) and
-- answers that could echo request values; they are dropped (a retry within the day of an upgrade runs again,
-- guarded as before by the hold converting once). From now on rows are keyed digests and expire.
delete from idempotency_keys;
create index idempotency_keys_by_age on idempotency_keys (created_at);

-- A unique job key is unique within its organisation: one tenant's key can never suppress another's job.
drop index jobs_unique_key;
create unique index jobs_unique_key on jobs (organization_id, unique_key)
    where unique_key is not null and state not in ('discarded', 'cancelled');

-- Resume reads an organisation's events from a point in time; this index bounds that read to the rows it returns.
create index domain_events_by_org_time on domain_events (organization_id, "timestamp");

-- Node-wide settings kept in the database; the bootstrap admin token's digest lives here.
create table system_settings (
    name        varchar primary key,
    value       varchar not null,
    updated_at  timestamptz not null default now()
);

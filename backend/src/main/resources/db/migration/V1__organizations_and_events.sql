-- Tenants and the shows they sell. Text columns are varchar (no length): jOOQ's DDL
-- simulation cannot index text, and PostgreSQL treats both alike (ADR 0002).
create table organizations (
    id          uuid primary key,
    name        varchar not null,
    slug        varchar not null unique,
    created_at  timestamptz not null default now()
);

create table events (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    name             varchar not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz,
    venue            varchar,
    status           varchar not null default 'draft' check (status in ('draft', 'published', 'cancelled')),
    published_at     timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create index events_by_org on events (organization_id, starts_at);

-- Who may call the API and subscribe to topics (ADR 0007). Tokens are random, stored as SHA-256
-- hashes only, shown once at creation, and revocable.
create table users (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    email            varchar not null,
    name             varchar not null,
    role             varchar not null check (role in ('owner', 'staff', 'viewer')),
    created_at       timestamptz not null default now(),
    unique (organization_id, email)
);

create table devices (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    name             varchar not null,
    created_at       timestamptz not null default now()
);

create table api_tokens (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    role             varchar not null check (role in ('owner', 'staff', 'viewer', 'device')),
    user_id          uuid references users (id),
    device_id        uuid references devices (id),
    scopes           jsonb not null,
    token_hash       varchar not null unique,
    label            varchar,
    created_by       varchar not null,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz,
    revoked_at       timestamptz,
    last_used_at     timestamptz
);

create index api_tokens_by_org on api_tokens (organization_id, created_at);

-- Orders, payments, tickets, coupons and refunds (ADR 0012), and the idempotency of POST requests.

create table orders (
    id               uuid primary key,
    organization_id  uuid not null,
    event_id         uuid not null references events (id),
    hold_id          uuid not null unique,
    status           varchar not null check (status in ('paid', 'refunded')),
    customer_name    varchar not null,
    customer_email   varchar not null,
    subtotal_cents   bigint not null,
    discount_cents   bigint not null,
    total_cents      bigint not null,
    currency         varchar not null,
    coupon_code      varchar,
    created_at       timestamptz not null default now()
);
create index orders_by_event on orders (event_id, created_at);

create table tickets (
    id               uuid primary key,
    organization_id  uuid not null,
    order_id         uuid not null references orders (id),
    event_id         uuid not null,
    seat_index       integer,
    ticket_type      varchar,
    price_cents      bigint not null,
    currency         varchar not null,
    code             varchar not null unique,
    status           varchar not null check (status in ('valid', 'void')),
    created_at       timestamptz not null default now()
);
create index tickets_by_order on tickets (order_id);

create table payments (
    id                 uuid primary key,
    organization_id    uuid not null,
    order_id           uuid not null unique references orders (id),
    provider_auth_id   varchar not null unique,
    amount_cents       bigint not null,
    currency           varchar not null,
    status             varchar not null check (status in ('authorized', 'captured', 'refunding', 'refunded')),
    captured_cents     bigint not null default 0,
    refunded_cents     bigint not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

create table refunds (
    id                  uuid primary key,
    payment_id          uuid not null unique references payments (id),
    provider_refund_id  varchar,
    amount_cents        bigint not null,
    reason              varchar,
    created_at          timestamptz not null default now()
);

create table coupons (
    id               uuid primary key,
    organization_id  uuid not null,
    event_id         uuid,
    code             varchar not null,
    kind             varchar not null check (kind in ('percent', 'fixed')),
    value            bigint not null check (value > 0),
    valid_from       timestamptz,
    valid_until      timestamptz,
    usage_limit      integer,
    used             integer not null default 0,
    created_at       timestamptz not null default now(),
    unique (organization_id, code),
    check (usage_limit is null or used <= usage_limit)
);

-- The first answer to a POST with an Idempotency-Key; a retry gets it again instead of a second action.
create table idempotency_keys (
    organization_id  uuid not null,
    key              varchar not null,
    route            varchar not null,
    request_hash     varchar not null,
    status           integer,
    response         jsonb,
    created_at       timestamptz not null default now(),
    primary key (organization_id, key)
);

-- One signing key pair for ticket codes, shared by every node; scanners get only the public key.
create table ticket_signing_keys (
    key_id       varchar primary key,
    private_key  varchar not null,
    public_key   varchar not null,
    created_at   timestamptz not null default now()
);

-- Inventory of a show and the holds on it (ADR 0011). PostgreSQL is the source of truth; Redis holds
-- the same state for the hot path and is rebuilt from these tables.

-- A category's price (seat categories; ticket types carry their own price).
create table price_categories (
    event_id     uuid not null references events (id),
    code         varchar not null,
    price_cents  bigint not null check (price_cents >= 0),
    currency     varchar not null,
    primary key (event_id, code)
);

-- One row per reserved seat; seat_index is the seat's bit in the Redis availability bitmap.
create table event_seats (
    event_id    uuid not null references events (id),
    seat_index  integer not null,
    seat_id     varchar not null,
    category    varchar not null,
    blocked     boolean not null default false,
    channel     varchar,
    primary key (event_id, seat_index),
    unique (event_id, seat_id)
);

-- General admission: sold + held never exceeds capacity, enforced by the database as a last line.
create table ticket_types (
    event_id     uuid not null references events (id),
    code         varchar not null,
    name         varchar not null,
    price_cents  bigint not null check (price_cents >= 0),
    currency     varchar not null,
    capacity     integer not null check (capacity >= 0),
    held         integer not null default 0 check (held >= 0),
    sold         integer not null default 0 check (sold >= 0),
    primary key (event_id, code),
    check (held + sold <= capacity)
);

create table holds (
    id               uuid primary key,
    organization_id  uuid not null,
    event_id         uuid not null references events (id),
    ticket_type      varchar,
    quantity         integer not null check (quantity > 0),
    seat_indexes     integer[] not null,
    status           varchar not null check (status in ('active', 'released', 'expired', 'converted')),
    expires_at       timestamptz not null,
    max_expires_at   timestamptz not null,
    created_at       timestamptz not null default now(),
    ended_at         timestamptz
);
create index holds_active_by_expiry on holds (expires_at) where status = 'active';
create index holds_by_event on holds (event_id) where status = 'active';

-- A seat held or sold has exactly one row: the primary key makes a double hold impossible even if
-- Redis were wrong.
create table seat_claims (
    event_id    uuid not null,
    seat_index  integer not null,
    hold_id     uuid,
    order_id    uuid,
    state       varchar not null check (state in ('held', 'sold')),
    primary key (event_id, seat_index)
);
create index seat_claims_by_hold on seat_claims (hold_id) where hold_id is not null;

-- Per-show sale settings: how long a hold lasts, and how far extensions may push it.
create table event_sale_settings (
    event_id          uuid primary key references events (id),
    hold_seconds      integer not null check (hold_seconds between 30 and 3600),
    max_hold_seconds  integer not null check (max_hold_seconds between 30 and 7200),
    currency          varchar not null,
    seating           jsonb
);

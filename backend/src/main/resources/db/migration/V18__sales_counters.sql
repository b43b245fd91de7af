-- Sales counters (issue 14, ADR 0019): what the live-sales routes read instead of counting tickets. Both are
-- written in the transaction of the sale and of the refund, from the order's own tickets, so a reader never
-- sees a ticket.sold whose sale is not counted. A flash sale spreads its writes over `shard` (from the order
-- id): no single row is updated by every buyer of a ticket type.

-- Running totals per show and line (a seat category, or a general-admission ticket type).
create table sales_totals (
    organization_id  uuid not null,
    event_id         uuid not null,
    kind             varchar not null check (kind in ('category', 'ticket_type')),
    line             varchar not null,
    shard            smallint not null,
    sold             bigint not null default 0,
    refunded         bigint not null default 0,
    revenue_cents    bigint not null default 0,
    primary key (organization_id, event_id, kind, line, shard)
);

-- Tickets sold (gross: a later refund does not rewrite the minute it was sold in) per show and minute.
create table sales_minutes (
    organization_id  uuid not null,
    minute           timestamptz not null,
    event_id         uuid not null,
    shard            smallint not null,
    sold             bigint not null default 0,
    revenue_cents    bigint not null default 0,
    primary key (organization_id, minute, event_id, shard)
);

-- The latest sales of an organisation: an indexed `order by created_at desc limit 20` (a show's own latest use
-- orders_by_event of V8).
create index orders_by_org_time on orders (organization_id, created_at);

-- Held seats and seats off public sale of a show, counted without reading its sold seats.
create index seat_claims_held on seat_claims (event_id) where state = 'held';
create index event_seats_off_sale on event_seats (event_id) where blocked or channel is not null;

-- Upgrade: a database with sales starts right. Shard 0 takes the past; the per-minute rows of the last hour
-- are seeded from the orders' times (older minutes are never read). Data, not schema: hidden from jOOQ's codegen.
-- [jooq ignore start]
insert into sales_totals (organization_id, event_id, kind, line, shard, sold, refunded, revenue_cents)
select t.organization_id, t.event_id,
       case when t.ticket_type is null then 'category' else 'ticket_type' end,
       coalesce(t.ticket_type, s.category, 'unknown'), 0,
       count(*) filter (where t.status = 'valid'),
       count(*) filter (where t.status = 'void'),
       coalesce(sum(t.price_cents) filter (where t.status = 'valid'), 0)
from tickets t left join event_seats s on s.event_id = t.event_id and s.seat_index = t.seat_index
group by 1, 2, 3, 4;

insert into sales_minutes (organization_id, minute, event_id, shard, sold, revenue_cents)
select t.organization_id, date_trunc('minute', o.created_at), t.event_id, 0, count(*), sum(t.price_cents)
from tickets t join orders o on o.id = t.order_id
where o.created_at > now() - interval '2 hours'
group by 1, 2, 3;
-- [jooq ignore stop]

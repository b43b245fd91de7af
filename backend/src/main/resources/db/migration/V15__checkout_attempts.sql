-- A checkout records its attempt before it asks the provider for an authorisation (reference
-- org:{org}:order:{order_id}), and turns it 'committed' in the order's own transaction. The reconciliation
-- voids an authorisation without an order only when this row says the checkout is over: 'abandoned' (the
-- checkout gave up, or the reconciliation claimed an attempt whose node stopped renewing lease_until) and
-- then 'voided'. Committing and claiming are conditional updates of the row, so only one of them can win.
create table checkout_attempts (
    order_id         uuid primary key,
    organization_id  uuid not null,
    event_id         uuid not null,
    hold_id          uuid not null,
    amount_cents     bigint not null,
    currency         varchar not null,
    state            varchar not null check (state in ('authorizing', 'committed', 'abandoned', 'voided')),
    node_id          varchar not null,
    lease_until      timestamptz not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

-- What a creating request made, written in that request's own transaction: a retry that takes over the key
-- of a request which died after its commit (but before its answer was stored) answers with it instead of
-- running the request again.
alter table idempotency_keys add column resource_id uuid;

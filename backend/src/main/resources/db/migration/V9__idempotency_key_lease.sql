-- When a request took its Idempotency-Key: a key still without an answer long after that belongs to a
-- request that died (a crashed node), and a retry may take it over instead of waiting forever.
alter table idempotency_keys add column reserved_at timestamptz not null default now();

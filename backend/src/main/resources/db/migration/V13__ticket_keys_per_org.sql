-- Ticket signing keys per organisation (issue 14), replacing the one global key pair of V8.
--
-- Each organisation has exactly one active key (it signs new ticket codes), any number of retiring keys
-- (they no longer sign but their codes still verify) and retired keys (nothing verifies under them; their
-- private key is erased). The private key is sealed with the deployment's master key (AES-256-GCM, the
-- value starts with 'gcm1:'); PostgreSQL never holds it in clear. key_id is the short id a code names.
create table org_ticket_keys (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    key_id           varchar not null,
    private_key      varchar,
    public_key       varchar not null,
    status           varchar not null check (status in ('active', 'retiring', 'retired')),
    created_at       timestamptz not null default now(),
    retired_at       timestamptz,
    unique (organization_id, key_id),
    check (status = 'retired' or (private_key is not null and retired_at is null)),
    check (status <> 'retired' or (private_key is null and retired_at is not null))
);
-- at most one active key per organisation: two nodes creating the first key at once end with one
create unique index org_ticket_keys_one_active on org_ticket_keys (organization_id) where status = 'active';

-- The V8 table held the global private key in clear. SQL cannot seal it (the master key never reaches
-- PostgreSQL), so the first node of this release seals it into org_ticket_keys as a 'retiring' key of every
-- organisation with v1 codes and deletes the row. The rename makes a node of an earlier release fail at
-- start instead of writing a new plaintext key; the emptied table can be dropped by a later release.
alter table ticket_signing_keys rename to legacy_ticket_signing_keys;

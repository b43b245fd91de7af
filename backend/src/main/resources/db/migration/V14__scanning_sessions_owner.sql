-- Scan sessions belong to one organisation. The scanning slice is not built yet; this table holds only what
-- the gateway needs now, the owner of each session, so that scanning:session:{id} can be followed by that
-- organisation (and its devices scoped to scanning:org) and refused to everyone else. The scanning slice adds
-- its own columns (show, gate, device, opening and closing times) to this table.
create table scanning_sessions (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id),
    created_at       timestamptz not null default now()
);

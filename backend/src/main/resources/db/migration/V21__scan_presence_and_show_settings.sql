-- Entry, exit and re-entry (ADR 0024). A ticket's admission row also keeps where its holder is: moves counts the
-- accepted scans that moved the ticket (1 = the first admission, then exit, re-entry, ... alternately), so an odd
-- number is inside. An exit or re-entry moves the row with "where moves = <what the scan saw>": of two scans that
-- saw the same state, only one moves it. Rows admitted before this release are inside after one move.
alter table admissions add column moves integer not null default 1 check (moves >= 1);
alter table admissions add column moved_at timestamptz;
alter table admissions add column moved_by_scan uuid;

-- A show's scanning settings; a show without a row has the defaults (no re-entry, no doors time).
create table show_scanning_settings (
    event_id         uuid primary key references events (id),
    organization_id  uuid not null,
    reentry_allowed  boolean not null,
    doors_open_at    timestamptz,
    updated_at       timestamptz not null
);

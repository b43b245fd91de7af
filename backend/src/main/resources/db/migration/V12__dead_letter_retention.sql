-- Dead letters hold a failed job's args and errors; they are not kept for ever (README, "Security").
-- The job engine's upkeep deletes resolved entries some days after they died and open ones after longer;
-- operators purge older ones by hand. Either way the entries' audit rows stay, and so does this record.

-- One purge of one organisation's dead letters: who, why, which and how many. The rows are gone.
create table dead_letter_purges (
    id               uuid primary key,
    organization_id  uuid not null,
    actor            varchar not null,
    reason           varchar not null,
    status           varchar not null check (status in ('resolved', 'dead', 'all')),
    older_than       timestamptz not null,
    purged           integer not null,
    at               timestamptz not null default now()
);
create index dead_letter_purges_by_org on dead_letter_purges (organization_id, at desc);

-- The retention walks every organisation's entries by age.
create index dead_letters_by_age on dead_letters (dead_at);

-- [jooq ignore start]
-- Deleting entries must lower the DLQ depth counters like resolving them does.
create function dead_letter_counts_on_delete() returns trigger language plpgsql as $$
begin
    insert into job_count_deltas (queue, state, delta)
        select queue, status, -count(*) from old_rows group by queue, status;
    return null;
end
$$;

create trigger dead_letters_count_delete after delete on dead_letters
    referencing old table as old_rows for each statement execute function dead_letter_counts_on_delete();
-- [jooq ignore stop]

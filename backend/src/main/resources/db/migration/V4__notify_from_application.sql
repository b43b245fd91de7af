-- A NOTIFY inside every writing transaction makes all commits queue on PostgreSQL's single notification
-- lock (measured: most committing sessions waiting on Lock:object at 1,000 events/s). Nodes now wake their
-- own dispatcher directly and send one coalesced NOTIFY for the others (CommitNotifier).
-- [jooq ignore start]
drop trigger if exists domain_events_notify on domain_events;
drop function if exists notify_domain_events();
-- [jooq ignore stop]

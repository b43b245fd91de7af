-- What is still to dispatch moves out of domain_events into a table of its own (ADR 0015). Marking a row
-- dispatched was an update of the event row: a new version of the whole row, with entries in all five
-- indexes (dispatch_status sat in the predicate of the pending index, so the update could never be HOT),
-- and a dead row for vacuum. Now the event row is written once and never changed; dispatching deletes a
-- narrow row here. The claim also finds a resource's pending rows without walking its dispatched history.
create table outbox_pending (
    position       bigint primary key,
    resource_type  varchar not null,
    resource_id    uuid not null
);
create index outbox_pending_by_resource on outbox_pending (resource_type, resource_id, position);

-- [jooq ignore start]
insert into outbox_pending (position, resource_type, resource_id)
    select position, resource_type, resource_id from domain_events where dispatch_status = 'pending';
-- [jooq ignore stop]

drop index domain_events_pending;
alter table domain_events drop column dispatch_status;
alter table domain_events drop column dispatched_at;

-- Writers name the schema they write for. A node of an earlier release would insert events without their
-- pending rows, and nothing would ever dispatch them; its insert does not name writer_epoch, so it now
-- fails instead. A later change that old writers must not survive adds check (writer_epoch >= N).
alter table domain_events add column writer_epoch smallint not null default 9;
alter table domain_events alter column writer_epoch drop default;

-- Every dispatch leaves a dead row here; vacuum after a few thousand instead of 20 % of the table. The
-- table's end empties as the queue slides along: truncating it would take an exclusive lock that every
-- writer's insert waits for.
-- [jooq ignore start]
alter table outbox_pending set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_vacuum_cost_delay = 0, vacuum_truncate = false);
-- [jooq ignore stop]

-- The DLQ desk's audit trail (GET /api/orgs/{org}/dlq/audit): newest first per organisation, optionally of
-- one action. Audit rows outlive their entries (a purge keeps them), so each row keeps what the desk shows
-- of its entry: queue, event type and worker.
alter table dead_letter_audit add column queue varchar;
alter table dead_letter_audit add column event_type varchar;
alter table dead_letter_audit add column worker varchar;

-- [jooq ignore start]
update dead_letter_audit a set queue = d.queue, event_type = d.event_type, worker = d.worker
from dead_letters d where d.id = a.dead_letter_id;
-- [jooq ignore stop]

create index dead_letter_audit_by_org on dead_letter_audit (organization_id, id);
create index dead_letter_audit_by_org_action on dead_letter_audit (organization_id, action, id);

-- The organisation's telemetry reads its queues' counters by name prefix (queue:org:<id>:%) every second while
-- a console follows it: a pattern index serves that LIKE under any collation. Paused queues by organisation.
-- [jooq ignore start]
create index job_counts_by_queue_prefix on job_counts (queue varchar_pattern_ops);
-- [jooq ignore stop]
create index job_queues_by_org on job_queues (organization_id, name);

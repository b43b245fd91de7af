package za.voelgoed.platform.jobs;

import java.util.UUID;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;

/**
 * Dead letters of any age written straight into the tables, as the engine would have left them: a job
 * (discarded, or in another state after a replay) and its entry, dead {@code days} ago. Faster than
 * failing jobs, and the only way to have entries older than the test run.
 */
final class DeadLetterRows {

    private DeadLetterRows() {
    }

    /** A discarded job and its entry in {@code status}; returns the entry's id. */
    static UUID entry(UUID org, String status, double days) {
        return entry(org, status, days, job(org, "discarded"));
    }

    /** An entry in {@code status} for an existing job. */
    static UUID entry(UUID org, String status, double days, long jobId) {
        UUID id = UUID.randomUUID();
        TestEnv.exec("""
                insert into dead_letters (id, job_id, organization_id, queue, source_queue, worker, event_type, args,
                                          attempts, errors, effect_key, status, dead_at, resolved_at)
                values ('%s', %d, '%s', '%s', 'queue:org:%s:notifications', 'test.failing', 'ticket.sold',
                        '{"label":"old"}', 3, '[{"error":"mail server refused old"}]', 'job:%d', '%s',
                        now() - make_interval(secs => %d), case when '%s' = 'dead' then null else now() end)"""
                .formatted(id, jobId, org, QueueName.deadLetterQueue(org, "ticket.sold"), org, jobId, status,
                        (long) (days * 86_400), status));
        return id;
    }

    /** A job of {@code org} in {@code state}, with args and errors as a dead job has them. */
    static long job(UUID org, String state) {
        return ((Number) Db.single("""
                insert into jobs (queue, organization_id, kind, worker, event_type, args, state, max_attempts,
                                  scheduled_at, finished_at, errors)
                values (?, ?, 'notifications', 'test.failing', 'ticket.sold', '{"label":"old"}', ?, 3, now(), now(),
                        '[{"error":"mail server refused old"}]')
                returning id""", "queue:org:" + org + ":notifications", org, state)).longValue();
    }

    static boolean exists(UUID entry) {
        return Db.count("select count(*) from dead_letters where id = ?", entry) == 1;
    }

    static boolean jobExists(long jobId) {
        return Db.count("select count(*) from jobs where id = ?", jobId) == 1;
    }

    static long jobOf(UUID entry) {
        return ((Number) Db.single("select job_id from dead_letters where id = ?", entry)).longValue();
    }
}

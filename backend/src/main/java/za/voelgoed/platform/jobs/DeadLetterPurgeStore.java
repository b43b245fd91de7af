package za.voelgoed.platform.jobs;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** The SQL of purging dead letters and of the purge records. */
final class DeadLetterPurgeStore {

    /** A deleted entry: whose it was and the job it pointed at. */
    record Gone(UUID organizationId, long jobId) {
    }

    private DeadLetterPurgeStore() {
    }

    /** The database's now minus {@code days}: every node cuts off at the same instant. */
    static OffsetDateTime daysAgo(DSLContext dsl, int days) {
        return dsl.fetchOne("select now() - make_interval(days => ?)", days).get(0, OffsetDateTime.class);
    }

    static long count(DSLContext dsl, UUID org, PurgeScope scope, OffsetDateTime olderThan) {
        return dsl.fetchOne("""
                select count(*) from dead_letters
                where organization_id = ? and status = any(?::varchar[]) and dead_at < ?::timestamptz""",
                org, statuses(scope), olderThan).get(0, Long.class);
    }

    /**
     * Deletes up to {@code limit} entries of {@code scope} that died before {@code olderThan}, oldest first,
     * of one organisation or (null) of all. Rows another transaction holds (a replay, another node's purge)
     * are skipped, not waited for.
     */
    static List<Gone> delete(DSLContext tx, UUID org, PurgeScope scope, OffsetDateTime olderThan, int limit) {
        List<Object> binds = new ArrayList<>();
        if (org != null) {
            binds.add(org);
        }
        binds.addAll(List.of(statuses(scope), olderThan, limit));
        return tx.fetch("""
                with doomed as (
                    select id from dead_letters
                    where %s status = any(?::varchar[]) and dead_at < ?::timestamptz
                    order by dead_at limit ? for update skip locked)
                delete from dead_letters d using doomed where d.id = doomed.id
                returning d.organization_id, d.job_id""".formatted(org == null ? "" : "organization_id = ? and"),
                binds.toArray()).map(r -> new Gone(r.get(0, UUID.class), r.get(1, Long.class)));
    }

    /**
     * Deletes the discarded jobs behind purged entries: the job row holds the same args and errors. A job
     * that was replayed and runs again, or that another entry still points at, stays.
     */
    static int deleteDiscardedJobs(DSLContext tx, Collection<Long> jobIds) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        return tx.execute("""
                delete from jobs j where j.id = any(?::bigint[]) and j.state = 'discarded'
                  and not exists (select 1 from dead_letters d where d.job_id = j.id)""",
                (Object) jobIds.toArray(Long[]::new));
    }

    static void record(DSLContext tx, UUID id, UUID org, String actor, String reason, PurgeScope scope,
                       OffsetDateTime olderThan, int purged) {
        tx.execute("""
                insert into dead_letter_purges (id, organization_id, actor, reason, status, older_than, purged)
                values (?, ?, ?, ?, ?, ?::timestamptz, ?)""",
                id, org, actor, reason, scope.wire(), olderThan, purged);
    }

    private static String[] statuses(PurgeScope scope) {
        return scope.statuses().toArray(String[]::new);
    }
}

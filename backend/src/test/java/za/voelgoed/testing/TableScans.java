package za.voelgoed.testing;

import org.jooq.DSLContext;

/**
 * The sequential and index scans of one table that some work started, read in the work's own transaction.
 * A session's counters also hold earlier transactions until the backend next reports them (when idle, at most
 * once a second), so only the difference within one transaction, where nothing is reported, is exact.
 */
public record TableScans(long sequential, long index) {

    /** Runs {@code work} inside the caller's open transaction on {@code sql} and counts its scans of {@code table}. */
    public static TableScans during(DSLContext sql, String table, Runnable work) {
        TableScans before = now(sql, table);
        work.run();
        TableScans after = now(sql, table);
        return new TableScans(after.sequential - before.sequential, after.index - before.index);
    }

    private static TableScans now(DSLContext sql, String table) {
        var row = sql.fetchSingle("select coalesce(seq_scan, 0), coalesce(idx_scan, 0) from pg_stat_xact_user_tables"
                + " where relname = ?", table);
        return new TableScans(row.get(0, Long.class), row.get(1, Long.class));
    }
}

package za.voelgoed.sales;

import java.lang.System.Logger.Level;
import java.time.Duration;
import org.jooq.DSLContext;
import za.voelgoed.platform.upkeep.PeriodicPass;

/**
 * Keeps {@code sales_minutes} from growing for ever: the live-sales routes read the last hour only, so rows older
 * than {@link #KEPT} go, oldest first, in short batches. Every node runs it (as the outbox retention does); nodes
 * pruning at once skip each other's locked rows. A sale never writes a minute this old, so a pass cannot race one.
 */
public final class SalesMinutesRetention implements AutoCloseable {

    /** Two days: the last hour is read; the rest is kept for a look back after a long night, then dropped. */
    static final Duration KEPT = Duration.ofDays(2);
    private static final System.Logger LOG = System.getLogger(SalesMinutesRetention.class.getName());
    private static final long PASS_EVERY_MS = 10 * 60_000;
    private static final int BATCH = 5_000;
    /** Bounds one pass; a backlog left over (a first start after an upgrade) goes in the next passes. */
    private static final int MAX_BATCHES_PER_PASS = 40;

    private final DSLContext dsl;
    private final PeriodicPass passes;

    public SalesMinutesRetention(DSLContext dsl) {
        this.dsl = dsl;
        this.passes = new PeriodicPass("sales_minutes_prune", Duration.ofMillis(PASS_EVERY_MS), this::pruneOnce);
    }

    /** One pass at once, then one every ten minutes. */
    public SalesMinutesRetention start() {
        passes.start();
        return this;
    }

    /** Deletes the rows older than {@link #KEPT}; returns how many went. */
    public int pruneOnce() {
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_PASS && !passes.stopping(); batch++) {
            int gone = dsl.execute("""
                    delete from sales_minutes where ctid in (
                        select ctid from sales_minutes where minute < now() - make_interval(secs => ?)
                        order by minute limit ? for update skip locked)""", KEPT.toSeconds(), BATCH);
            deleted += gone;
            if (gone < BATCH) {
                break;
            }
        }
        if (deleted > 0) {
            LOG.log(Level.INFO, "sales_minutes_pruned rows=" + deleted + " older_than_hours=" + KEPT.toHours());
        }
        return deleted;
    }

    @Override
    public void close() {
        passes.close();
    }
}

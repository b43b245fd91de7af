package za.voelgoed.sales;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;

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
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread loop;

    public SalesMinutesRetention(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One pass at once, then one every ten minutes. */
    public SalesMinutesRetention start() {
        loop = Thread.ofVirtual().name("sales-minutes-retention").start(this::run);
        return this;
    }

    private void run() {
        do {
            try {
                pruneOnce();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sales_minutes_prune_failed error=\"" + e.getMessage() + "\"");
            }
        } while (!await(PASS_EVERY_MS));
    }

    /** Deletes the rows older than {@link #KEPT}; returns how many went. */
    public int pruneOnce() {
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_PASS && stopping.getCount() > 0; batch++) {
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

    /** True when closed meanwhile. */
    private boolean await(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        if (loop != null) {
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package za.voelgoed.platform.outbox;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The background side of the outbox on one node: a dispatch loop woken by PostgreSQL NOTIFY (sent by a
 * trigger at commit, from any node) or by a local commit, with the poll interval as fallback; a drain
 * loop for consumer blocks; and a sampler for the backlog gauges.
 */
public final class OutboxRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OutboxRunner.class.getName());
    private static final long SLOW_PASS_MS = 250;
    private static final long VACUUM_CHECK_MS = 2_000;
    private static final long VACUUM_DEAD_ROWS = 2_000;
    private static final long VACUUM_MAX_BACKOFF_MS = 60_000;

    /** Opens a connection that is not pooled, for LISTEN. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final OutboxDispatcher dispatcher;
    private final BlockDrainer drainer;
    private final ConnectionSource listenConnections;
    private final DSLContext dsl;
    private final OutboxTelemetry telemetry;
    private final long pollIntervalMs;
    private final int dispatchThreads;
    private final String nodeId;
    private final List<Semaphore> wakeUps;
    private final List<Thread> threads = new ArrayList<>();
    private final java.util.concurrent.CountDownLatch stopping = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean running;
    private volatile Connection listening;
    private final VacuumBackoff vacuumBackoff = new VacuumBackoff(VACUUM_CHECK_MS, VACUUM_MAX_BACKOFF_MS);

    /**
     * @param dispatchThreads dispatch loops on this node; they split the pending resources between them
     *                        through the same advisory locks that split them between nodes
     */
    public OutboxRunner(OutboxDispatcher dispatcher, BlockDrainer drainer, ConnectionSource listenConnections,
                        DSLContext dsl, OutboxTelemetry telemetry, long pollIntervalMs, int dispatchThreads,
                        String nodeId) {
        this.dispatchThreads = Math.max(1, dispatchThreads);
        this.wakeUps = Stream.generate(() -> new Semaphore(0)).limit(this.dispatchThreads).toList();
        this.nodeId = nodeId;
        this.dispatcher = dispatcher;
        this.drainer = drainer;
        this.listenConnections = listenConnections;
        this.dsl = dsl;
        this.telemetry = telemetry;
        this.pollIntervalMs = pollIntervalMs;
    }

    public synchronized void start() {
        running = true;
        for (int i = 0; i < dispatchThreads; i++) {
            int loop = i;
            threads.add(Thread.ofPlatform().name("outbox-dispatch-" + i).daemon().start(() -> dispatchLoop(loop)));
        }
        threads.add(Thread.ofPlatform().name("outbox-listen").daemon().start(this::listenLoop));
        threads.add(Thread.ofVirtual().name("outbox-drain").start(() -> every(250, drainer::drainOnce)));
        threads.add(Thread.ofVirtual().name("outbox-gauges").start(() -> every(2_000, this::sample)));
        threads.add(Thread.ofVirtual().name("outbox-vacuum").start(() -> every(VACUUM_CHECK_MS, this::vacuum)));
    }

    /** Asks every dispatch loop to look for work now (cheap; coalesces): each owns a share of the resources. */
    public void wake() {
        for (Semaphore wakeUp : wakeUps) {
            if (wakeUp.availablePermits() == 0) {
                wakeUp.release();
            }
        }
    }

    private void dispatchLoop(int loop) {
        while (running) {
            try {
                wakeUps.get(loop).tryAcquire(pollIntervalMs, TimeUnit.MILLISECONDS);
                while (running && timedPass(loop) > 0) {
                    // events found means more may have been committed meanwhile: drain without waiting for a
                    // wake-up, which under load arrives late (and a sibling loop may have taken it)
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "outbox_dispatch_failed error=\"" + e.getMessage() + "\"; retrying");
                pause(500);
            }
        }
    }

    /** One dispatch pass; a slow one is logged, since it delays every subscriber. */
    private int timedPass(int loop) {
        long start = System.nanoTime();
        int events = dispatcher.dispatchOnce(loop, dispatchThreads);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (millis >= SLOW_PASS_MS) {
            LOG.log(Level.INFO, "outbox_dispatch_slow events=" + events + " ms=" + millis);
        }
        return events;
    }

    private void listenLoop() {
        while (running) {
            try (Connection c = listenConnections.open()) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN domain_events");
                }
                wake();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications((int) pollIntervalMs);
                    if (notes != null && fromAnotherNode(notes)) {
                        wake();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.log(Level.WARNING, "outbox_listen_lost error=\"" + e.getMessage() + "\"; reconnecting");
                    pause(1_000);
                }
            }
        }
    }

    /** This node's own commits woke it already; its NOTIFY (payload: its node id) is for the others. */
    private boolean fromAnotherNode(PGNotification[] notes) {
        for (PGNotification note : notes) {
            if (!nodeId.equals(note.getParameter())) {
                return true;
            }
        }
        return false;
    }

    private void every(long millis, Runnable task) {
        while (running) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "outbox_background_task_failed error=\"" + e.getMessage() + "\"");
            }
            pause(millis);
        }
    }

    /**
     * Vacuums {@code outbox_pending} once dispatching has left enough dead rows in it. Every dispatched event
     * leaves one, and the claim scans the table on every pass: left to autovacuum (which may be slow, starved
     * or, as on the CI machine, off) the table grew to hundreds of thousands of dead rows within a minute at
     * 2,000 events a second and each pass took ten milliseconds. Nodes vacuuming at once skip each other. A
     * vacuum that frees nothing (an old transaction still sees the rows) is not repeated every check: the
     * next waits twice as long, up to a minute, and the operator is told.
     */
    private void vacuum() {
        if (!vacuumBackoff.due(System.currentTimeMillis())) {
            return;
        }
        long dead = OutboxStore.deadPendingRows(dsl);
        if (dead < VACUUM_DEAD_ROWS) {
            return;
        }
        long start = System.nanoTime();
        OutboxStore.vacuumPending(dsl);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long left = OutboxStore.deadPendingRows(dsl);
        long wait = vacuumBackoff.vacuumed(System.currentTimeMillis(), left < VACUUM_DEAD_ROWS);
        if (wait > 0) {
            LOG.log(Level.WARNING, "outbox_pending_vacuum_held_back dead=" + left + " ms=" + millis
                    + " next_in_ms=" + wait + "; a long transaction or replication slot keeps the rows");
        } else {
            LOG.log(Level.DEBUG, () -> "outbox_pending_vacuumed dead=" + dead + " left=" + left + " ms=" + millis);
        }
    }

    private void sample() {
        telemetry.backlog(OutboxStore.pendingCount(dsl), BlockStore.countsByState(dsl));
    }

    /** Waits, but returns at once when the runner is closed. */
    private void pause(long millis) {
        try {
            stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the loops; a dispatch pass in progress finishes (or rolls back) before this returns. */
    @Override
    public synchronized void close() {
        running = false;
        wake();
        stopping.countDown();
        closeQuietly(listening);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a listener that is already gone
            }
        }
    }
}

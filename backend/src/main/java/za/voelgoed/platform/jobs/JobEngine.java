package za.voelgoed.platform.jobs;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import za.voelgoed.platform.config.AppConfig.JobSettings;
import za.voelgoed.platform.outbox.Backoff;

/**
 * The job engine of one node: a producer per queue kind, the executions, the acker, a LISTEN connection
 * that wakes the producers when jobs are enqueued anywhere, and the background upkeep (heartbeat, rescue
 * of dead nodes' jobs, counters, pruning, the dead-letter retention, recurring ticks).
 */
public final class JobEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JobEngine.class.getName());
    private static final long COUNTS_EVERY_MS = 2_000;
    private static final long PRUNE_EVERY_MS = 60_000;

    /** Opens a connection outside the pool, for LISTEN. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final DSLContext dsl;
    private final Jobs jobs;
    private final DeadLetters deadLetters;
    private final JobSettings settings;
    private final DeadLetterRetention retention;
    private final String nodeId;
    private final JobTelemetry telemetry;
    private final ConnectionSource listenConnections;
    private final Acker acker;
    private final Executions executions;
    private final Rescuer rescuer;
    private final ScheduledExecutorService watchdog;
    private final Map<QueueKind, Producer> producers = new EnumMap<>(QueueKind.class);
    private final List<RecurringJob> recurring = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;
    private Thread upkeep;

    public JobEngine(DSLContext dsl, Jobs jobs, DeadLetters deadLetters, JobSettings settings,
                     DeadLetterRetention retention, String nodeId, JobTelemetry telemetry,
                     ConnectionSource listenConnections) {
        this.dsl = dsl;
        this.jobs = jobs;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.retention = retention;
        this.nodeId = nodeId;
        this.telemetry = telemetry;
        this.listenConnections = listenConnections;
        this.acker = new Acker(dsl, telemetry);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("jobs-watchdog-" + nodeId).factory());
        Backoff backoff = new Backoff(Duration.ofMillis(settings.backoffMs()), Duration.ofHours(1));
        this.executions = new Executions(dsl, jobs.workers(), acker, deadLetters, telemetry, backoff, watchdog, nodeId);
        this.rescuer = new Rescuer(dsl, deadLetters, telemetry, nodeId);
    }

    /** Adds a recurring job; call before {@link #start()} or at any time after. */
    public JobEngine schedule(RecurringJob job) {
        jobs.workers().validate(job.template());
        recurring.add(job);
        return this;
    }

    public JobEngine start() {
        running = true;
        NodeLiveness.heartbeat(dsl, nodeId);
        acker.start(nodeId);
        for (QueueKind kind : QueueKind.values()) {
            producers.put(kind, new Producer(kind, settings.concurrencyOf(kind.wire()), dsl, executions, nodeId,
                    settings.pollIntervalMs()).start());
        }
        listener = Thread.ofPlatform().daemon().name("jobs-listen-" + nodeId).start(this::listen);
        upkeep = Thread.ofPlatform().daemon().name("jobs-upkeep-" + nodeId).start(this::upkeepLoop);
        LOG.log(Level.INFO, "jobs_started node=" + nodeId + " concurrency=" + settings.concurrency());
        return this;
    }

    /** Wakes the producers now (tests and the admin routes; enqueues do it through NOTIFY). */
    public void wake() {
        producers.values().forEach(Producer::wake);
    }

    private void listen() {
        while (running) {
            try (Connection c = listenConnections.open()) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + JobStore.NOTIFY_CHANNEL);
                }
                wake();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications((int) settings.pollIntervalMs());
                    if (notes != null) {
                        for (PGNotification note : notes) {
                            QueueKind.fromWire(note.getParameter()).map(producers::get).ifPresent(Producer::wake);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.log(Level.WARNING, "jobs_listen_lost error=\"" + e.getMessage() + "\"; reconnecting");
                    sleep(1_000);
                }
            }
        }
    }

    private void upkeepLoop() {
        long nextCounts = 0;
        long nextPrune = 0;
        Instant lastTick = Instant.now();
        while (running) {
            long now = System.currentTimeMillis();
            guarded("heartbeat", () -> NodeLiveness.heartbeat(dsl, nodeId));
            guarded("rescue", this::rescue);
            if (now >= nextCounts) {
                guarded("counts", () -> {
                    Housekeeping.rollUpCounts(dsl);
                    telemetry.counts(Housekeeping.counts(dsl));
                });
                nextCounts = now + COUNTS_EVERY_MS;
            }
            if (now >= nextPrune) {
                guarded("prune", () -> Housekeeping.prune(dsl, settings.pruneAfterHours()));
                guarded("dlq_retention", () -> Housekeeping.purgeDeadLetters(deadLetters, retention, telemetry));
                nextPrune = now + PRUNE_EVERY_MS;
            }
            if (!recurring.isEmpty()) {
                Instant from = lastTick;
                Instant[] next = {from};
                guarded("recurring", () -> next[0] = Housekeeping.enqueueTicks(jobs, recurring, from,
                        JobStore.databaseNow(dsl)));
                lastTick = next[0];
            }
            sleep(settings.heartbeatMs());
        }
    }

    private void rescue() {
        if (rescuer.rescue(settings.nodeTimeoutMs()) > 0) {
            wake();
        }
    }

    private static void guarded(String task, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "jobs_upkeep_failed task=" + task + " error=\"" + e.getMessage() + "\"");
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Graceful stop: no new claims; running jobs get the grace period to finish; what still runs then is
     * interrupted and given back to the queue; completions are written; the node leaves.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        producers.values().forEach(Producer::stop);
        long deadline = System.currentTimeMillis() + settings.shutdownGraceMs();
        while (executions.inFlight() > 0 && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        if (executions.inFlight() > 0) {
            LOG.log(Level.WARNING, "jobs_shutdown_releasing in_flight=" + executions.inFlight());
            executions.releaseAll();
        }
        acker.close(settings.shutdownGraceMs());
        closeQuietly(listening);
        joinQuietly(listener);
        joinQuietly(upkeep);
        watchdog.shutdownNow();
        guarded("leave", () -> NodeLiveness.leave(dsl, nodeId));
        LOG.log(Level.INFO, "jobs_stopped node=" + nodeId);
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException e) {
            // closing is best effort: the server drops the LISTEN with the connection anyway
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            if (thread != null) {
                thread.join(3_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

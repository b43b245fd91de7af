package za.voelgoed.platform.jobs;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;

/**
 * Claims and starts the jobs of one queue kind on this node, never more at once than the kind's
 * concurrency limit. It sleeps until a NOTIFY, a finished job or the poll interval wakes it; the poll
 * also picks up scheduled and retryable jobs as they fall due.
 */
final class Producer {

    private static final System.Logger LOG = System.getLogger(Producer.class.getName());

    private final QueueKind kind;
    private final int limit;
    private final DSLContext dsl;
    private final Executions executions;
    private final String nodeId;
    private final long pollIntervalMs;
    private final Signal wake = new Signal();
    private final AtomicInteger busy = new AtomicInteger();
    /** How many queues offered jobs at the last claim: each is asked for its share next time. */
    private int busyQueues = 1;
    private volatile boolean running = true;
    private Thread thread;

    Producer(QueueKind kind, int limit, DSLContext dsl, Executions executions, String nodeId, long pollIntervalMs) {
        this.kind = kind;
        this.limit = limit;
        this.dsl = dsl;
        this.executions = executions;
        this.nodeId = nodeId;
        this.pollIntervalMs = pollIntervalMs;
    }

    Producer start() {
        if (limit > 0) {
            thread = Thread.ofPlatform().daemon().name("jobs-" + kind.wire() + "-" + nodeId).start(this::loop);
        }
        return this;
    }

    void wake() {
        wake.raise();
    }

    private void loop() {
        while (running) {
            try {
                int free = limit - busy.get();
                if (free < refillFloor() && busy.get() > 0) {
                    // the next finished job wakes us: claiming one slot at a time would cost a query per job
                    wake.await(pollIntervalMs);
                    continue;
                }
                if (free > 0 && claimAndStart(free) > 0) {
                    continue;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "jobs_claim_failed kind=" + kind.wire() + " error=\"" + e.getMessage() + "\"");
            }
            wake.await(pollIntervalMs);
        }
    }

    private int refillFloor() {
        return Math.max(1, limit / 2);
    }

    private int claimAndStart(int free) {
        int perQueue = Math.max(1, (free + busyQueues - 1) / busyQueues + 1);
        List<Claim> claims = JobStore.claim(dsl, kind, free, perQueue, nodeId);
        busyQueues = Math.max(1, (int) claims.stream().map(Claim::queue).distinct().count());
        for (Claim claim : claims) {
            busy.incrementAndGet();
            executions.start(claim, () -> {
                busy.decrementAndGet();
                wake.raise();
            });
        }
        return claims.size();
    }

    /** Stops claiming; running jobs carry on. */
    void stop() {
        running = false;
        wake.raise();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

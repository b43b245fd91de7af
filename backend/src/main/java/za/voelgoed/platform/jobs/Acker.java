package za.voelgoed.platform.jobs;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;

/**
 * Marks successful jobs completed in batches: while one UPDATE runs, the next completions gather, so a
 * busy node writes one statement for many jobs. Each row is matched on its claim number, and a job whose
 * claim moved on (rescued while this node stalled) is refused, never completed twice.
 */
final class Acker {

    private static final System.Logger LOG = System.getLogger(Acker.class.getName());
    private static final int MAX_BATCH = 1_000;
    private static final int GATHER_BELOW = 32;
    private static final long GATHER_MS = 2;

    private final DSLContext dsl;
    private final JobTelemetry telemetry;
    private final LinkedBlockingQueue<Done> pending = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread thread;

    /** A successful attempt and how long it ran. */
    record Done(Claim claim, long tookNanos) {
    }

    Acker(DSLContext dsl, JobTelemetry telemetry) {
        this.dsl = dsl;
        this.telemetry = telemetry;
    }

    Acker start(String nodeId) {
        thread = Thread.ofPlatform().daemon().name("jobs-acker-" + nodeId).start(this::loop);
        return this;
    }

    void completed(Claim claim, long tookNanos) {
        pending.add(new Done(claim, tookNanos));
    }

    private void loop() {
        while (running || !pending.isEmpty()) {
            try {
                Done first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Done> batch = new ArrayList<>();
                    batch.add(first);
                    if (pending.size() < GATHER_BELOW) {
                        // a moment's wait turns a statement per few jobs into one per many under load
                        Thread.sleep(GATHER_MS);
                    }
                    pending.drainTo(batch, MAX_BATCH - 1);
                    flush(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the jobs stay executing; a rescue after this node's death, or the retry below, settles them
                LOG.log(Level.WARNING, "jobs_ack_failed error=\"" + e.getMessage() + "\"");
                pause();
            }
        }
    }

    private void flush(List<Done> batch) {
        try {
            List<Long> refused = JobStore.complete(dsl, batch.stream().map(Done::claim).toList());
            for (Done done : batch) {
                boolean fenced = refused.contains(done.claim().jobId());
                if (fenced) {
                    LOG.log(Level.WARNING, "job_completion_fenced job=" + done.claim().jobId() + " claim="
                            + done.claim().claim() + " reason=\"claim no longer holds the job\"");
                }
                telemetry.finished(done.claim(), java.time.Duration.ofNanos(done.tookNanos()),
                        fenced ? "fenced" : "completed");
            }
        } catch (RuntimeException e) {
            pending.addAll(batch);
            throw e;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is pending and stops. */
    void close(long graceMs) {
        running = false;
        if (thread != null) {
            try {
                thread.join(graceMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package za.voelgoed.platform.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.jooq.DSLContext;
import za.voelgoed.platform.outbox.Backoff;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.shared.json.Json;

/**
 * Runs claimed jobs, each on its own virtual thread, with a watchdog that interrupts an attempt past its
 * worker's timeout. Success goes to the {@link Acker}; failure becomes a retry with backoff, or, on the
 * last attempt, a dead letter.
 */
final class Executions {

    private static final System.Logger LOG = System.getLogger(Executions.class.getName());
    private static final int MAX_ERROR_CHARS = 2_000;

    private final DSLContext dsl;
    private final WorkerRegistry workers;
    private final Acker acker;
    private final DeadLetters deadLetters;
    private final JobTelemetry telemetry;
    private final Backoff backoff;
    private final String nodeId;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    /** An attempt in progress and when it must end. */
    private record Running(Claim claim, Thread thread, long deadlineNanos, AtomicBoolean timedOut) {
    }

    Executions(DSLContext dsl, WorkerRegistry workers, Acker acker, DeadLetters deadLetters, JobTelemetry telemetry,
               Backoff backoff, ScheduledExecutorService watchdog, String nodeId) {
        this.dsl = dsl;
        this.workers = workers;
        this.acker = acker;
        this.deadLetters = deadLetters;
        this.telemetry = telemetry;
        this.backoff = backoff;
        watchdog.scheduleWithFixedDelay(this::interruptOverdue, 50, 50, TimeUnit.MILLISECONDS);
        this.nodeId = nodeId;
    }

    /** Starts the attempt; {@code whenDone} runs after it ended, however it ended. */
    void start(Claim claim, Runnable whenDone) {
        Thread.ofVirtual().name("job-" + claim.jobId()).start(() -> {
            try {
                run(claim);
            } finally {
                running.remove(claim.jobId());
                whenDone.run();
            }
        });
    }

    private void run(Claim claim) {
        telemetry.started(claim, Duration.between(claim.scheduledAt(), claim.attemptedAt()).abs());
        Worker worker = workers.find(claim.worker()).orElse(null);
        long start = System.nanoTime();
        if (worker == null) {
            fail(claim, Duration.ZERO, "no worker named '" + claim.worker() + "' on node " + nodeId);
            return;
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        running.put(claim.jobId(), new Running(claim, Thread.currentThread(), start + worker.timeout().toNanos(),
                timedOut));
        try {
            worker.perform(new JobContext(claim, dsl));
            if (timedOut.get()) {
                throw new java.util.concurrent.TimeoutException("interrupted after " + worker.timeout());
            }
            acker.completed(claim, System.nanoTime() - start);
        } catch (Throwable failure) {
            Thread.interrupted();
            String error = timedOut.get() ? "timeout: attempt ran longer than " + worker.timeout() : describe(failure);
            fail(claim, Duration.ofNanos(System.nanoTime() - start), error);
        }
    }

    private void fail(Claim claim, Duration took, String rawError) {
        // a worker's exception text may quote what it was handling; it is stored, shown and logged from here on
        String error = PiiScrubber.scrubText(rawError);
        JsonNode entry = Json.object().put("attempt", claim.attempt()).put("at", Instant.now().toString())
                .put("error", error).put("node", nodeId);
        try {
            if (claim.attempt() >= claim.maxAttempts()) {
                boolean buried = deadLetters.bury(claim, entry).isPresent();
                telemetry.finished(claim, took, buried ? "discarded" : "fenced");
                LOG.log(Level.WARNING, "job_discarded job=" + claim.jobId() + " worker=" + claim.worker()
                        + " attempts=" + claim.attempt() + " error=\"" + error + "\"");
            } else {
                long delay = backoff.delay(claim.attempt(), random).toMillis();
                boolean held = JobStore.retry(dsl, claim, entry, delay);
                telemetry.finished(claim, took, held ? "retry" : "fenced");
            }
        } catch (RuntimeException e) {
            // the job stays executing under this node; the rescue after a restart retries it
            LOG.log(Level.WARNING, "job_failure_not_recorded job=" + claim.jobId() + " error=\"" + e.getMessage() + "\"");
        }
    }

    private static String describe(Throwable failure) {
        String text = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) : text;
    }

    /**
     * Interrupts attempts past their worker's timeout. One periodic pass instead of a timer per attempt:
     * arming and cancelling a timer for every job cost more than the no-op jobs themselves.
     */
    private void interruptOverdue() {
        long now = System.nanoTime();
        for (Running attempt : running.values()) {
            if (now - attempt.deadlineNanos() > 0 && attempt.timedOut().compareAndSet(false, true)) {
                attempt.thread().interrupt();
            }
        }
    }

    int inFlight() {
        return running.size();
    }

    /** Interrupts every attempt still running and gives its job back; used when the grace period ran out. */
    void releaseAll() {
        for (Running attempt : running.values()) {
            // give the job back before interrupting: the interrupted attempt's failure must find it released
            if (JobStore.release(dsl, attempt.claim())) {
                LOG.log(Level.INFO, "job_released job=" + attempt.claim().jobId() + " reason=shutdown");
            }
            attempt.thread().interrupt();
        }
    }
}

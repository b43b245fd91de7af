package za.voelgoed.platform.jobs;

import static za.voelgoed.shared.event.FieldType.INTEGER;
import static za.voelgoed.shared.event.FieldType.STRING;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import za.voelgoed.testing.TestEnv;

/**
 * Workers the job tests run. {@code effect} writes one row per job to {@code test_job_effects} through
 * {@link JobContext#effect}, whose primary key would reject a second write — so "exactly once" is checked
 * by the database, not by the code under test.
 */
final class TestWorkers {

    static final String EFFECT = "test.effect";
    static final String FAILING = "test.failing";
    static final String FLAKY = "test.flaky";
    static final String SLOW = "test.slow";
    static final String RECORDING = "test.recording";
    static final String LEAKY = "test.leaky";

    static final Map<Long, AtomicInteger> FLAKY_RUNS = new ConcurrentHashMap<>();
    /** Jobs of test.flaky whose label is in here fail: set before the enqueue, so no run can slip through first. */
    static final Set<String> FAILING_LABELS = ConcurrentHashMap.newKeySet();
    /** Jobs of test.flaky fail this many more times (then succeed), whenever they run. */
    static final Map<Long, AtomicInteger> FAILURES_LEFT = new ConcurrentHashMap<>();
    /** test.slow jobs running in this JVM right now, and the most seen at once. */
    static final AtomicInteger SLOW_RUNNING = new AtomicInteger();
    static final AtomicInteger MOST_SLOW_AT_ONCE = new AtomicInteger();

    private TestWorkers() {
    }

    static void createEffectsTable() {
        TestEnv.exec("create table if not exists test_job_effects (job_id bigint primary key, label varchar,"
                + " node varchar, at timestamptz not null default clock_timestamp())");
    }

    static WorkerRegistry registry() {
        return new WorkerRegistry().register(effect(Duration.ZERO, "test")).register(failing()).register(flaky())
                .register(slow()).register(recording());
    }

    /** Records its effect once per job; sleeps {@code delay} first (to be killed mid-job). */
    static Worker effect(Duration delay, String node) {
        return new SimpleWorker(EFFECT, QueueKind.PAYMENTS, ArgsShape.builder().required("label", STRING)
                .optional("card_number", STRING).build(), "payment.authorized", 5, Duration.ofSeconds(30), job -> {
                    if (!delay.isZero()) {
                        Thread.sleep(delay.toMillis());
                    }
                    job.effect(tx -> tx.execute("insert into test_job_effects (job_id, label, node) values (?, ?, ?)",
                            job.jobId(), job.args().path("label").asText(), node));
                });
    }

    static Worker failing() {
        return new SimpleWorker(FAILING, QueueKind.NOTIFICATIONS, ArgsShape.builder().required("label", STRING)
                .optional("card_number", STRING).optional("email", STRING).build(), "ticket.sold", 3,
                Duration.ofSeconds(30), job -> {
                    throw new IllegalStateException("mail server refused " + job.args().path("label").asText());
                });
    }

    /** Always fails with a card number in its error, as a payment partner's refusal might quote one. */
    static Worker leaky() {
        return new SimpleWorker(LEAKY, QueueKind.INTEGRATIONS, ArgsShape.builder().required("label", STRING)
                .optional("note", STRING).build(), "payment.authorized", 3, Duration.ofSeconds(30), job -> {
                    throw new IllegalStateException("partner refused card 4111.1111.1111.1111 for "
                            + job.args().path("label").asText());
                });
    }

    /** Fails while its label is in {@link #FAILING_LABELS} or it has {@link #FAILURES_LEFT}; then records an effect. */
    static Worker flaky() {
        return new SimpleWorker(FLAKY, QueueKind.INTEGRATIONS, ArgsShape.builder().required("label", STRING).build(),
                "ticket.sold", 3, Duration.ofSeconds(30), job -> {
                    FLAKY_RUNS.computeIfAbsent(job.jobId(), k -> new AtomicInteger()).incrementAndGet();
                    AtomicInteger left = FAILURES_LEFT.get(job.jobId());
                    if (FAILING_LABELS.contains(job.args().path("label").asText())
                            || left != null && left.getAndDecrement() > 0) {
                        throw new IllegalStateException("partner API answered 503");
                    }
                    job.effect(tx -> tx.execute("insert into test_job_effects (job_id, label) values (?, ?)",
                            job.jobId(), job.args().path("label").asText()));
                });
    }

    static Worker slow() {
        return new SimpleWorker(SLOW, QueueKind.REPORTING, ArgsShape.builder().required("sleep_ms", INTEGER).build(),
                "report.requested", 2, Duration.ofMillis(500), job -> {
                    MOST_SLOW_AT_ONCE.accumulateAndGet(SLOW_RUNNING.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(job.args().path("sleep_ms").asLong());
                    } finally {
                        SLOW_RUNNING.decrementAndGet();
                    }
                });
    }

    /** Records each run with its organisation, to see in which order organisations were served. */
    static Worker recording() {
        return new SimpleWorker(RECORDING, QueueKind.SCANNING, ArgsShape.builder().required("label", STRING).build(),
                "scan.accepted", 3, Duration.ofSeconds(30), job -> {
                    Thread.sleep(2);
                    job.effect(tx -> tx.execute("insert into test_job_effects (job_id, label) values (?, ?)",
                            job.jobId(), job.organizationId().toString()));
                });
    }

    /** A worker from parts. */
    record SimpleWorker(String name, QueueKind queue, ArgsShape args, String eventType, int maxAttempts,
                        Duration timeout, Body body) implements Worker {
        @Override
        public void perform(JobContext job) throws Exception {
            body.run(job);
        }
    }

    @FunctionalInterface
    interface Body {
        void run(JobContext job) throws Exception;
    }

    static List<String> names() {
        return List.of(EFFECT, FAILING, FLAKY, SLOW, RECORDING);
    }
}

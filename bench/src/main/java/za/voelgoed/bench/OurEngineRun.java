package za.voelgoed.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import za.voelgoed.platform.jobs.ArgsShape;
import za.voelgoed.platform.jobs.DeadLetterRetention;
import za.voelgoed.platform.jobs.DeadLetters;
import za.voelgoed.platform.jobs.JobContext;
import za.voelgoed.platform.jobs.JobEngine;
import za.voelgoed.platform.jobs.JobRequest;
import za.voelgoed.platform.jobs.JobTelemetry;
import za.voelgoed.platform.jobs.Jobs;
import za.voelgoed.platform.jobs.QueueKind;
import za.voelgoed.platform.jobs.Worker;
import za.voelgoed.platform.jobs.WorkerRegistry;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.db.Database;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.shared.json.Json;

/**
 * Our job engine ({@code za.voelgoed.platform.jobs}) wired as the backend wires it, without HTTP: pool, jobs,
 * dead letters and one {@link JobEngine}. Only the {@code reporting} kind runs (at the bench's
 * concurrency); the other kinds get 0, so no idle producer polls beside it. The poll interval is the
 * same as db-scheduler's; our producer is woken by NOTIFY and by finished jobs, so it matters little.
 */
final class OurEngineRun {

    static final String NAME = "ours";
    private static final String WORKER = "bench.noop";
    private static final String NODE = "bench-jobs";

    private OurEngineRun() {
    }

    static JobsResult run(JobsBench.Settings s, BenchEnv env, int round, Deadline deadline) throws Exception {
        AppConfig config = env.config(NODE, settings(s));
        Completions done = new Completions(s.jobs());
        try (Database db = Database.open(config)) {
            // after open: on the first run, open is what creates the tables (Flyway)
            JobsBench.sql("truncate jobs, job_queues, job_counts, job_count_deltas, job_nodes, job_effects,"
                    + " dead_letters, dead_letter_audit restart identity");
            WorkerRegistry workers = new WorkerRegistry().register(new Noop(done));
            Jobs jobs = new Jobs(db.dsl(), workers);
            // the outbox is there for the dead-letter path only; a no-op job never fails into it
            Outbox outbox = new Outbox(db.dsl(), EventTypeRegistry.standard(), new PiiScrubber(),
                    new GatewayBench.Quiet(), Clock.systemUTC());
            DeadLetters deadLetters = new DeadLetters(outbox, db.dsl());
            double enqueueSeconds = enqueue(jobs, s, deadline);
            JobsBench.settle(s, "jobs");
            JobEngine engine = new JobEngine(db.dsl(), jobs, deadLetters, config.jobs(),
                    DeadLetterRetention.KEEP_FOREVER, NODE, JobTelemetry.NONE, db::dedicatedConnection);
            try {
                return JobsBench.measure(NAME, round, s, deadline, done, enqueueSeconds, engine::start,
                        "select count(*) from jobs where state in ('available', 'scheduled', 'retryable', 'executing')",
                        "select count(*) from jobs where state = 'completed'");
            } finally {
                engine.close();
            }
        }
    }

    private static Map<String, String> settings(JobsBench.Settings s) {
        Map<String, String> env = new java.util.HashMap<>();
        for (QueueKind kind : QueueKind.values()) {
            env.put("VOELGOED_JOBS_CONCURRENCY_" + kind.name(), kind == QueueKind.REPORTING
                    ? Integer.toString(s.concurrency()) : "0");
        }
        env.put("VOELGOED_DB_POOL_SIZE", Integer.toString(s.pool()));
        env.put("VOELGOED_JOBS_POLL_INTERVAL_MS", Integer.toString(s.pollMs()));
        env.put("VOELGOED_JOBS_SHUTDOWN_GRACE_MS", "2000");
        return env;
    }

    /** {@code jobs.enqueueAll} in chunks, the organisations taken in turn; returns the seconds it took. */
    private static double enqueue(Jobs jobs, JobsBench.Settings s, Deadline deadline) {
        List<UUID> orgs = new ArrayList<>();
        for (int i = 0; i < s.orgs(); i++) {
            orgs.add(UUID.randomUUID());
        }
        long start = System.nanoTime();
        List<JobRequest> chunk = new ArrayList<>(JobsBench.CHUNK);
        for (int i = 0; i < s.jobs(); i++) {
            chunk.add(JobRequest.of(WORKER, orgs.get(i % orgs.size()), Json.object()));
            if (chunk.size() == JobsBench.CHUNK || i == s.jobs() - 1) {
                deadline.check("enqueueing for " + NAME);
                jobs.enqueueAll(chunk);
                chunk.clear();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Does nothing but count: what is measured is the engine around it. */
    private record Noop(Completions done) implements Worker {

        @Override
        public String name() {
            return WORKER;
        }

        @Override
        public QueueKind queue() {
            return QueueKind.REPORTING;
        }

        @Override
        public ArgsShape args() {
            return ArgsShape.none();
        }

        @Override
        public String eventType() {
            return "bench.noop.v1";
        }

        @Override
        public void perform(JobContext job) {
            done.ran();
        }
    }
}

package za.voelgoed.platform.jobs;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.db.Database;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.platform.telemetry.MicrometerEventTelemetry;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.testing.TestEnv;

/** Job engines in this JVM against the run's database, sharing one pool, each with its own node id. */
final class JobHarness implements AutoCloseable {

    final Database db;
    final Outbox outbox;
    final Jobs jobs;
    final DeadLetters deadLetters;
    private final List<JobEngine> engines = new ArrayList<>();

    JobHarness(WorkerRegistry workers) {
        db = Database.open(TestEnv.config(Map.of("VOELGOED_DB_POOL_SIZE", "8")));
        outbox = new Outbox(db.dsl(), EventTypeRegistry.standard(), new PiiScrubber(),
                new MicrometerEventTelemetry(new SimpleMeterRegistry()),
                Clock.systemUTC());
        jobs = new Jobs(db.dsl(), workers);
        deadLetters = new DeadLetters(outbox, db.dsl());
    }

    static AppConfig.JobSettings settings(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                "VOELGOED_JOBS_POLL_INTERVAL_MS", "200",
                "VOELGOED_JOBS_HEARTBEAT_MS", "200",
                "VOELGOED_JOBS_NODE_TIMEOUT_MS", "1500",
                "VOELGOED_JOBS_BACKOFF_MS", "20",
                "VOELGOED_JOBS_SHUTDOWN_GRACE_MS", "2000"));
        env.putAll(overrides);
        return TestEnv.config(env).jobs();
    }

    JobEngine engine(String nodeId, Map<String, String> overrides) {
        return engine(nodeId, overrides, DeadLetterRetention.KEEP_FOREVER, JobTelemetry.NONE);
    }

    JobEngine engine(String nodeId, Map<String, String> overrides, DeadLetterRetention retention,
                     JobTelemetry telemetry) {
        JobEngine engine = new JobEngine(db.dsl(), jobs, deadLetters, settings(overrides), retention, nodeId,
                telemetry, db::dedicatedConnection);
        engines.add(engine);
        return engine;
    }

    @Override
    public void close() {
        engines.forEach(JobEngine::close);
        db.close();
    }
}

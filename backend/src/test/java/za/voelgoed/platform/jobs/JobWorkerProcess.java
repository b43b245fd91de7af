package za.voelgoed.platform.jobs;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.db.Database;
import za.voelgoed.platform.outbox.Outbox;
import za.voelgoed.platform.outbox.PiiScrubber;
import za.voelgoed.platform.telemetry.MicrometerEventTelemetry;
import za.voelgoed.shared.event.EventTypeRegistry;

/**
 * A job node in its own JVM, for the crash tests: it runs {@code test.effect} jobs (sleeping
 * {@code EFFECT_DELAY_MS} before each effect) until it is killed or stopped.
 */
public final class JobWorkerProcess {

    private JobWorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        io.helidon.logging.common.LogConfig.configureRuntime();
        AppConfig config = AppConfig.load(System.getenv());
        Database db = Database.open(config);
        Outbox outbox = new Outbox(db.dsl(), EventTypeRegistry.standard(), new PiiScrubber(),
                new MicrometerEventTelemetry(new SimpleMeterRegistry()), Clock.systemUTC());
        long delay = Long.parseLong(System.getenv().getOrDefault("EFFECT_DELAY_MS", "0"));
        WorkerRegistry workers = new WorkerRegistry().register(TestWorkers.effect(Duration.ofMillis(delay), config.nodeId()));
        Jobs jobs = new Jobs(db.dsl(), workers);
        JobEngine engine = new JobEngine(db.dsl(), jobs, new DeadLetters(outbox, db.dsl()), config.jobs(),
                DeadLetterRetention.of(config.security()), config.nodeId(), JobTelemetry.NONE,
                db::dedicatedConnection).start();
        System.out.println("job_worker_ready node=" + config.nodeId());
        Thread.currentThread().join();
        engine.close();
    }

    static List<String> command() {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        return List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true", JobWorkerProcess.class.getName());
    }

    static Map<String, String> env(String dbUrl, String nodeId) {
        return Map.of("VOELGOED_DB_URL", dbUrl, "VOELGOED_NODE_ID", nodeId, "VOELGOED_DB_POOL_SIZE", "6",
                "VOELGOED_JOBS_CONCURRENCY_PAYMENTS", "10", "VOELGOED_JOBS_POLL_INTERVAL_MS", "200",
                "VOELGOED_JOBS_HEARTBEAT_MS", "200", "VOELGOED_JOBS_NODE_TIMEOUT_MS", "1500",
                "VOELGOED_JOBS_BACKOFF_MS", "20");
    }
}

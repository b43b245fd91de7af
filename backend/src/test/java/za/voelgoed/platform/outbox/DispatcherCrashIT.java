package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.db.Database;
import za.voelgoed.platform.pubsub.PubSub;
import za.voelgoed.platform.pubsub.Subscription;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.EffectsTable;
import za.voelgoed.testing.Recorder;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/**
 * Dispatchers killed mid-batch in a separate JVM: after restart every event is delivered (at-least-once
 * to PubSub) and the consumer applied each exactly once, because its effect, its receipt and the
 * dispatch mark commit together or not at all.
 */
class DispatcherCrashIT {

    static final int EVENTS = 600;

    static Database db;
    static Outbox writer;
    static Redis redis;
    static PubSub observer;
    Process child;

    @BeforeAll
    static void open() {
        AppConfig config = TestEnv.config(Map.of("VOELGOED_NODE_ID", "crash-test-writer"));
        db = Database.open(config);
        DispatcherProcess.NoTelemetry none = new DispatcherProcess.NoTelemetry();
        writer = new Outbox(db.dsl(), EventTypeRegistry.standard().register(Widgets.SCHEMA), new PiiScrubber(), none,
                Clock.systemUTC());
        redis = Redis.connect(TestEnv.REDIS_URL, TestEnv.REDIS_PREFIX);
        observer = new PubSub(redis, "crash-test-observer", none, 100_000).start();
    }

    @AfterAll
    static void close() {
        observer.close();
        redis.close();
        db.close();
    }

    @BeforeEach
    void seed() {
        TestEnv.truncateAll();
        EffectsTable.create();
        TestEnv.exec("truncate test_effects");
        UUID org = UUID.randomUUID();
        for (int i = 0; i < EVENTS; i++) {
            UUID widget = new UUID(7, i % 30);
            int n = i;
            writer.transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, org, widget, Widgets.change(widget, n)));
        }
    }

    @AfterEach
    void killChild() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
    }

    @Test
    void killedMidBatchThenRestartedAppliesEveryEventOnce() throws Exception {
        Recorder seen = new Recorder();
        Subscription all = observer.subscribeAll(100_000, seen);
        child = startDispatcher("crash-1", Map.of("CONSUMER_DELAY_MS", "4"));
        await().atMost(Duration.ofSeconds(60)).until(() -> effects() >= 120);
        child.destroyForcibly().waitFor();

        long applied = effects();
        assertThat(applied).isLessThan(EVENTS);
        // effect, receipt and dispatch mark are one transaction: none of them ran ahead of the others
        assertThat(Db.count("select count(*) from consumer_receipts")).isEqualTo(applied);
        assertThat(Db.count("select count(*) from domain_events d"
                + " where not exists (select 1 from outbox_pending p where p.position = d.position)")).isEqualTo(applied);

        child = startDispatcher("crash-2", Map.of());
        awaitAllDispatched();
        assertEachEventAppliedOnce();
        await().atMost(Duration.ofSeconds(20)).until(() -> distinctSeen(seen) == EVENTS);
        all.close();
    }

    @Test
    void killedBetweenPublishAndMarkRedeliversTheBatch() throws Exception {
        Recorder seen = new Recorder();
        Subscription all = observer.subscribeAll(100_000, seen);
        child = startDispatcher("crash-publish", Map.of("CRASH_AFTER_PUBLISH", "3"));
        assertThat(child.waitFor()).isEqualTo(137);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 150);
        long dispatchedBeforeRestart = Db.count("select count(*) from domain_events d"
                + " where not exists (select 1 from outbox_pending p where p.position = d.position)");
        assertThat(dispatchedBeforeRestart).isEqualTo(100);

        child = startDispatcher("crash-restart", Map.of());
        awaitAllDispatched();
        assertEachEventAppliedOnce();
        await().atMost(Duration.ofSeconds(20)).until(() -> distinctSeen(seen) == EVENTS);
        // the third batch was published before the crash and again after it: at-least-once, seen twice
        assertThat(seen.size()).isGreaterThanOrEqualTo(EVENTS + 50);
        all.close();
    }

    private Process startDispatcher(String nodeId, Map<String, String> extra) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(DispatcherProcess.command(DispatcherProcess.class));
        Map<String, String> env = pb.environment();
        env.putAll(childEnv(nodeId));
        env.putAll(extra);
        pb.redirectErrorStream(true).redirectOutput(new File("target/" + nodeId + ".log"));
        return pb.start();
    }

    private static Map<String, String> childEnv(String nodeId) {
        Map<String, String> env = new HashMap<>();
        env.put("VOELGOED_DB_URL", TestEnv.DB_URL);
        env.put("VOELGOED_REDIS_URL", TestEnv.REDIS_URL);
        env.put("VOELGOED_REDIS_PREFIX", TestEnv.REDIS_PREFIX);
        env.put("VOELGOED_NODE_ID", nodeId);
        env.put("VOELGOED_DB_POOL_SIZE", "4");
        env.put("VOELGOED_OUTBOX_BATCH_SIZE", "50");
        return env;
    }

    private static void awaitAllDispatched() {
        await().atMost(Duration.ofSeconds(90)).until(() ->
                Db.count("select count(*) from outbox_pending") == 0);
    }

    private static void assertEachEventAppliedOnce() {
        assertThat(effects()).isEqualTo(EVENTS);
        assertThat(Db.count("select count(distinct event_id) from test_effects")).isEqualTo(EVENTS);
        assertThat(Db.count("select count(*) from consumer_receipts where consumer = 'crash.recorder'")).isEqualTo(EVENTS);
    }

    private static long effects() {
        return Db.count("select count(*) from test_effects");
    }

    private static long distinctSeen(Recorder seen) {
        return seen.messages().stream().map(m -> m.id()).distinct().count();
    }
}

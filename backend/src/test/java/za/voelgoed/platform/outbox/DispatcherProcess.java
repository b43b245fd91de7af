package za.voelgoed.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import za.voelgoed.platform.config.AppConfig;
import za.voelgoed.platform.db.Database;
import za.voelgoed.platform.pubsub.PubSub;
import za.voelgoed.platform.pubsub.PubSubPublisher;
import za.voelgoed.platform.pubsub.TopicRouter;
import za.voelgoed.platform.redis.Redis;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.testing.EffectsTable;
import za.voelgoed.testing.Widgets;

/**
 * A dispatcher in a JVM of its own, for crash tests: the real outbox dispatcher, PubSub and a slow
 * transactional consumer, configured by the environment. With {@code CRASH_AFTER_PUBLISH=N} it halts
 * the JVM (no shutdown hooks, like kill -9) right after publishing its N-th batch, before marking it.
 */
public final class DispatcherProcess {

    private DispatcherProcess() {
    }

    public static void main(String[] args) throws Exception {
        AppConfig config = AppConfig.load();
        int crashAfter = Integer.parseInt(System.getenv().getOrDefault("CRASH_AFTER_PUBLISH", "0"));
        long consumerDelayMs = Long.parseLong(System.getenv().getOrDefault("CONSUMER_DELAY_MS", "0"));
        Database db = Database.open(config);
        Redis redis = Redis.connect(config.redisUrl(), config.redisPrefix());
        EventTypeRegistry types = EventTypeRegistry.standard().register(Widgets.SCHEMA);
        OutboxTelemetry telemetry = new NoTelemetry();
        Outbox outbox = new Outbox(db.dsl(), types, new PiiScrubber(), telemetry, Clock.systemUTC());
        ConsumerRegistry consumers = new ConsumerRegistry(types).register(
                ConsumerSpec.named("crash.recorder").on("widget.changed", 1).transactional().handler((e, ctx) -> {
                    EffectsTable.record(ctx.sql(), "crash.recorder", config.nodeId(), e);
                    Thread.sleep(consumerDelayMs);
                }));
        PubSub pubsub = new PubSub(redis, config.nodeId(), new NoTelemetry(), 1024).start();
        PubSubPublisher real = new PubSubPublisher(pubsub, new TopicRouter(types), types, telemetry);
        AtomicInteger batches = new AtomicInteger();
        EventPublisher publisher = events -> {
            real.publish(events);
            if (batches.incrementAndGet() == crashAfter) {
                System.out.println("HALTING after publishing batch " + crashAfter + " of " + events.size());
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        };
        Backoff backoff = new Backoff(Duration.ofMillis(20), Duration.ofSeconds(1));
        OutboxDispatcher dispatcher = new OutboxDispatcher(db.dsl(), consumers, outbox, publisher, telemetry,
                backoff, Clock.systemUTC(), config.outbox().batchSize());
        BlockDrainer drainer = new BlockDrainer(db.dsl(), consumers, outbox, telemetry, backoff, Clock.systemUTC(), 3);
        new OutboxRunner(dispatcher, drainer, db::dedicatedConnection, db.dsl(), telemetry, 200, 1,
                config.nodeId()).start();
        System.out.println("READY " + config.nodeId());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Telemetry that records nothing: this process is measured by what it leaves in the database. */
    static final class NoTelemetry implements OutboxTelemetry, za.voelgoed.platform.pubsub.PubSubTelemetry {
        @Override
        public void emitted(za.voelgoed.shared.event.DomainEvent event, String domain) {
        }

        @Override
        public void handled(String consumer, za.voelgoed.shared.event.DomainEvent event, String domain, long nanos,
                            boolean ok) {
        }

        @Override
        public void published(za.voelgoed.shared.event.DomainEvent event, String domain, Duration latency) {
        }

        @Override
        public void consumerBlocked(String consumer, String eventType, boolean parked) {
        }

        @Override
        public void backlog(long pendingEvents, java.util.Map<String, Integer> blocksByState) {
        }

        @Override
        public void dropped(java.util.UUID organizationId, String reason) {
        }

        @Override
        public void delivered(java.util.UUID organizationId, String eventType, Duration commitToDelivery) {
        }
    }

    static List<String> command(Class<?> main) {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        return List.of(java, "-cp", System.getProperty("java.class.path"), "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true", main.getName());
    }
}

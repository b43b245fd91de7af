package za.voelgoed.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import za.voelgoed.platform.db.Database;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.event.EventTypeRegistry;
import za.voelgoed.testing.Db;
import za.voelgoed.testing.TestEnv;
import za.voelgoed.testing.Widgets;

/**
 * The dispatch loops of one node split the resources between them by lock key: racing each other and
 * four writers, they publish every event exactly once, each resource by one loop only, in seq order.
 */
class DispatchLoopsIT {

    static final int LOOPS = 2;
    static final int RESOURCES = 40;
    static final int EVENTS = 400;

    @Test
    void loopsShareTheResourcesWithoutOverlapOrGaps() throws Exception {
        TestEnv.truncateAll();
        EventTypeRegistry types = EventTypeRegistry.standard().register(Widgets.SCHEMA);
        var quiet = new DispatcherProcess.NoTelemetry();
        try (Database db = Database.open(TestEnv.config())) {
            Outbox outbox = new Outbox(db.dsl(), types, new PiiScrubber(), quiet, Clock.systemUTC());
            Map<Integer, ConcurrentLinkedQueue<DomainEvent>> published = new ConcurrentHashMap<>();
            List<OutboxDispatcher> dispatchers = new ArrayList<>();
            for (int loop = 0; loop < LOOPS; loop++) {
                var sink = published.computeIfAbsent(loop, l -> new ConcurrentLinkedQueue<>());
                // a small batch, so a resource's events span several passes
                dispatchers.add(new OutboxDispatcher(db.dsl(), new ConsumerRegistry(types), outbox,
                        batch -> batch.forEach(d -> sink.add(d.event())),
                        quiet, new Backoff(Duration.ofMillis(20), Duration.ofSeconds(1)), Clock.systemUTC(), 16));
            }
            List<UUID> resources = new ArrayList<>();
            for (int i = 0; i < RESOURCES; i++) {
                resources.add(UUID.randomUUID());
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> loops = new ArrayList<>();
            for (int loop = 0; loop < LOOPS; loop++) {
                int mine = loop;
                loops.add(Thread.ofPlatform().start(() -> {
                    while (true) {
                        boolean writersDone = !writing.get();
                        if (dispatchers.get(mine).dispatchOnce(mine, LOOPS) == 0 && writersDone
                                && Db.count("select count(*) from outbox_pending") == 0) {
                            return;
                        }
                    }
                }));
            }
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(Thread.ofPlatform().start(() -> {
                    for (int n = writer; n < EVENTS; n += 4) {
                        UUID widget = resources.get(n % RESOURCES);
                        int value = n;
                        outbox.transact(Actor.system(), tx -> tx.emit(Widgets.CHANGED, UUID.randomUUID(), widget,
                                Widgets.change(widget, value)));
                    }
                }));
            }
            for (Thread t : writers) {
                t.join();
            }
            writing.set(false);
            for (Thread t : loops) {
                assertThat(t.join(Duration.ofSeconds(60))).as("dispatch loop finished").isTrue();
            }

            List<DomainEvent> all = published.values().stream().flatMap(q -> q.stream()).toList();
            assertThat(all).hasSize(EVENTS);
            assertThat(all.stream().map(DomainEvent::eventId).distinct().count()).isEqualTo(EVENTS);
            Set<UUID> byLoop0 = resourcesOf(published.get(0));
            Set<UUID> byLoop1 = resourcesOf(published.get(1));
            assertThat(byLoop0).isNotEmpty().doesNotContainAnyElementsOf(byLoop1);
            assertThat(byLoop1).isNotEmpty();
            for (ConcurrentLinkedQueue<DomainEvent> sink : published.values()) {
                Map<UUID, Long> last = new HashMap<>();
                for (DomainEvent e : sink) {
                    assertThat(e.resourceSeq()).isEqualTo(last.getOrDefault(e.resourceId(), 0L) + 1);
                    last.put(e.resourceId(), e.resourceSeq());
                }
            }
            assertThat(Db.count("select count(*) from outbox_pending")).isZero();
        }
    }

    private static Set<UUID> resourcesOf(ConcurrentLinkedQueue<DomainEvent> events) {
        Set<UUID> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.resourceId()));
        return ids;
    }
}

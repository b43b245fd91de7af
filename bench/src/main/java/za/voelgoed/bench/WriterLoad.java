package za.voelgoed.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import za.voelgoed.BackendNode;
import za.voelgoed.platform.outbox.Actor;
import za.voelgoed.shared.event.DomainEvent;
import za.voelgoed.shared.json.Json;

/**
 * The writers of the outbox bench: {@code writers} platform threads, each committing one transaction with
 * exactly one {@code bench.tick.v1} event on a random one of {@code resources} resources, through the nodes
 * in turn (slot number modulo node count). A shared {@link Pacer} holds the global rate; rate 0 runs
 * unpaced. Right after {@code transact} returns, the commit's {@link System#nanoTime} is recorded under the
 * event id. Events whose transaction started after the warm-up and before the end are the measured ones;
 * of those, the ones started more than {@link Pacer#LATE_NANOS} after their slot count as late.
 */
final class WriterLoad {

    private final List<BackendNode> nodes;
    private final List<UUID> resources = new ArrayList<>();
    private final UUID org = UUID.randomUUID();
    private final UUID show = UUID.randomUUID();
    private final int rate;
    private final int writers;
    private final long warmupNanos;
    private final long measureNanos;
    private final Map<UUID, Long> committedAt = new ConcurrentHashMap<>();
    private final List<UUID> measured = new ArrayList<>();
    private final AtomicLong late = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String firstFailure = "";
    private Pacer pacer;
    private long measureStart;
    private long end;
    private CpuUse cpu;

    WriterLoad(List<BackendNode> nodes, OutboxBench.Settings settings) {
        this.nodes = List.copyOf(nodes);
        for (int i = 0; i < settings.resources(); i++) {
            resources.add(UUID.randomUUID());
        }
        this.rate = settings.rate();
        this.writers = settings.writers();
        this.warmupNanos = settings.warmup() * 1_000_000_000L;
        this.measureNanos = settings.seconds() * 1_000_000_000L;
    }

    /** Runs warm-up and measured window, sampling CPU use over the latter; returns when every writer stopped. */
    void run() throws InterruptedException {
        pacer = new Pacer(rate);
        measureStart = System.nanoTime() + warmupNanos;
        end = measureStart + measureNanos;
        List<Thread> threads = new ArrayList<>();
        List<List<UUID>> perWriter = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            List<UUID> mine = new ArrayList<>();
            perWriter.add(mine);
            threads.add(Thread.ofPlatform().name("bench-writer-" + w).start(() -> write(mine)));
        }
        sleepUntil(measureStart);
        CpuUse.Mark mark = CpuUse.mark();
        sleepUntil(end);
        cpu = CpuUse.since(mark);
        for (Thread t : threads) {
            t.join();
        }
        perWriter.forEach(measured::addAll);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    private void write(List<UUID> measuredHere) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            long ticket = pacer.await();
            long startedAt = System.nanoTime();
            if (startedAt >= end) {
                return;
            }
            BackendNode node = nodes.get((int) (ticket % nodes.size()));
            UUID resource = resources.get(random.nextInt(resources.size()));
            try {
                DomainEvent event = node.outbox().transact(Actor.system(), tx -> tx.emit(OutboxBench.TICK_TYPE, org,
                        resource, Json.object().put("event_id", show.toString()).put("n", ticket)));
                committedAt.put(event.eventId(), System.nanoTime());
                if (startedAt >= measureStart) {
                    measuredHere.add(event.eventId());
                    if (rate > 0 && startedAt - pacer.dueNanos(ticket) > Pacer.LATE_NANOS) {
                        late.incrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                if (failures.getAndIncrement() == 0) {
                    firstFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }
        }
    }

    /** The measured events, committed; available after {@link #run}. */
    List<UUID> measured() {
        return measured;
    }

    /** When the event's transaction had returned ({@link System#nanoTime}). */
    long committedAt(UUID eventId) {
        return committedAt.get(eventId);
    }

    /** CPU use over the measured window; available after {@link #run}. */
    CpuUse cpu() {
        return cpu;
    }

    long measuredNanos() {
        return measureNanos;
    }

    /** Measured sends that started more than {@link Pacer#LATE_NANOS} after their slot. */
    long late() {
        return late.get();
    }

    /** Transactions that threw (over the whole run, warm-up included); they are not retried. */
    long failures() {
        return failures.get();
    }

    /** The first failure's class and message, or empty. */
    String firstFailure() {
        return firstFailure;
    }
}

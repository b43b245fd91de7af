package za.voelgoed.console.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import za.voelgoed.shared.json.Json;

/**
 * Domain events at a fixed rate over the public REST API, from a bounded number of clients: each cycle holds
 * one general-admission ticket ({@code POST .../holds}, one {@code seat.hold_created}) and releases it
 * ({@code DELETE .../holds/{id}}, one {@code seat.hold_released}), so two events per cycle and the show's
 * stock stays where it is. Cycles are handed out at {@code rate / 2} per second on a fixed schedule; a client
 * behind it starts its next cycle at once, so a backend that stalls for a moment and then keeps up still takes the
 * whole rate over the run, as with constant-throughput load generators (wrk2). Slots more than
 * {@value #MAX_BEHIND_SECONDS} s late are skipped rather than sent in one burst, so with too few clients or a
 * backend that cannot keep up the achieved rate is simply lower, and counted. The clients stop by themselves once
 * every cycle due within {@code maxSeconds} has been made ({@link #awaitDone}): a backend that kept up has then
 * taken exactly the events offered, the last of them a moment after the schedule's end. Before the clock starts, every client
 * makes one cycle that is not counted, so its connection is open: the rate measured is the backend's, not the
 * clients' connecting.
 */
final class HoldLoad implements AutoCloseable {

    static final int MAX_BEHIND_SECONDS = 5;
    private static final long MAX_BEHIND_NANOS = MAX_BEHIND_SECONDS * 1_000_000_000L;

    private static final int TIMEOUT_MILLIS = 30_000;

    private final URI base;
    private final String holds;
    private final String token;
    private final double cycleNanos;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong nextSlot = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLongArray perSecond;
    /** The cycles due within the load's length: slot numbers from 0 up to this one, excluded. */
    private final long slots;
    private final AtomicLong skipped = new AtomicLong();
    private final RequestLatency latency = new RequestLatency();
    private final List<Thread> clients = new ArrayList<>();
    private final CountDownLatch connected;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile long startNanos;
    private volatile String lastError;

    /**
     * Connects {@code clients} clients against {@code base}/api/orgs/{org}/events/{show}/holds; from
     * {@link #start} they hold and release at {@code rate}/s.
     */
    HoldLoad(String base, String org, String show, String token, int rate, int clients, int maxSeconds) {
        this.base = URI.create(base);
        this.holds = "/api/orgs/" + org + "/events/" + show + "/holds";
        this.token = token;
        this.cycleNanos = 2e9 / rate;
        this.perSecond = new AtomicLongArray(maxSeconds + MAX_BEHIND_SECONDS + 2);
        this.slots = (long) (maxSeconds * 1e9 / cycleNanos);
        this.connected = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            this.clients.add(Thread.ofPlatform().daemon().name("hold-load-" + i).start(this::connectThenLoop));
        }
        awaitConnected();
    }

    /** Starts the clock and the clients, whose connections are open by now; returns this. */
    HoldLoad start() {
        startNanos = System.nanoTime();
        started.countDown();
        return this;
    }

    private void awaitConnected() {
        try {
            if (!connected.await(30, TimeUnit.SECONDS)) {
                stopClients();
                throw new IllegalStateException("the load's clients did not connect within 30 s: " + lastError);
            }
        } catch (InterruptedException e) {
            stopClients();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the load's clients connected", e);
        }
    }

    private void connectThenLoop() {
        try (KeepAliveHttp http = new KeepAliveHttp(base, token, TIMEOUT_MILLIS)) {
            try {
                cycle(http, false);
            } finally {
                connected.countDown();
            }
            try {
                started.await();
            } catch (InterruptedException e) {
                return;
            }
            loop(http);
        }
    }

    /** Clients waiting for the start, or between cycles, return; one in a request finishes it first. */
    private void stopClients() {
        running.set(false);
        started.countDown();
    }

    /**
     * Waits up to {@code timeout} for the clients to make every cycle due within the load's length; the nanoTime
     * when the last of them finished, or -1 when they had not by then.
     */
    long awaitDone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread client : clients) {
            if (!client.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                return -1;
            }
        }
        return System.nanoTime();
    }

    /** When the clock started (nanoTime). */
    long startNanos() {
        return startNanos;
    }

    /** Events offered: two per cycle due within the load's length. */
    long offered() {
        return 2 * slots;
    }

    /** Events of the cycles skipped because they were over {@value #MAX_BEHIND_SECONDS} s late. */
    long skipped() {
        return 2 * skipped.get();
    }

    /** Events (created and released holds) the backend confirmed so far. */
    long events() {
        return events.get();
    }

    /** The latencies of the counted requests, holds and releases alike. */
    RequestLatency latency() {
        return latency;
    }

    long errors() {
        return errors.get();
    }

    String lastError() {
        return lastError;
    }

    /** Confirmed events per second since the load started, one entry per whole second. */
    long[] perSecond(int seconds) {
        long[] out = new long[Math.min(seconds, perSecond.length())];
        for (int i = 0; i < out.length; i++) {
            out[i] = perSecond.get(i);
        }
        return out;
    }

    private void loop(KeepAliveHttp http) {
        while (running.get()) {
            long slot = nextSlot.getAndIncrement();
            if (slot >= slots) {
                return; // every cycle of the schedule is made or being made
            }
            long due = startNanos + (long) (slot * cycleNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (-wait > MAX_BEHIND_NANOS) {
                // too far behind to catch up: drop the missed slots instead of one long burst
                long now = System.nanoTime();
                long caughtUp = Math.min(slots, (long) ((now - startNanos) / cycleNanos));
                long was = nextSlot.getAndAccumulate(caughtUp, Math::max);
                skipped.addAndGet(Math.max(0, caughtUp - was) + 1); // and the slot this client had taken
                continue;
            }
            if (!running.get()) {
                return;
            }
            cycle(http, true);
        }
    }

    private void cycle(KeepAliveHttp http, boolean counted) {
        try {
            long sent = System.nanoTime();
            KeepAliveHttp.Answer held = http.post(holds, "{\"ticket_type\": \"ga\", \"quantity\": 1}");
            long answered = System.nanoTime();
            if (counted) {
                latency.record(answered - sent);
            }
            if (held.status() != 201) {
                failed("hold answered " + held.status() + ": " + held.body());
                return;
            }
            count(counted);
            String id = Json.tree(held.body()).path("id").asText();
            long releasing = System.nanoTime();
            KeepAliveHttp.Answer released = http.delete(holds + "/" + id);
            if (counted) {
                latency.record(System.nanoTime() - releasing);
            }
            if (released.status() / 100 != 2) {
                failed("release answered " + released.status() + ": " + released.body());
                return;
            }
            count(counted);
        } catch (Exception e) {
            if (running.get()) {
                failed(e.toString());
            }
        }
    }

    private void count(boolean counted) {
        if (!counted) {
            return;
        }
        events.incrementAndGet();
        int second = (int) ((System.nanoTime() - startNanos) / 1_000_000_000L);
        if (second < perSecond.length()) {
            perSecond.incrementAndGet(second);
        }
    }

    private void failed(String why) {
        errors.incrementAndGet();
        lastError = why.length() > 300 ? why.substring(0, 300) : why;
        LockSupport.parkNanos(10_000_000); // a failing backend is not hammered in a tight loop
    }

    /** Stops the clients (a request in flight finishes or times out) and waits up to 35 s for them. */
    @Override
    public void close() throws InterruptedException {
        stopClients();
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(35));
        }
    }
}

package za.voelgoed.scanning.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import za.voelgoed.shared.client.RealtimeClient;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.Resume;
import za.voelgoed.shared.realtime.ServerFrame;

/**
 * A device's WebSocket to the gateway while it is online, as a real gate keeps one: authenticated with the
 * device's token, subscribed to its session's topic ({@code scanning:session:{id}}), so the node lists the device
 * in the organisation's presence (the console's "online") and pushes it the session's events, which are counted
 * by type. A dropped connection is opened again after a pause that grows to {@link #RETRY_MAX_MS}, resuming after
 * the newest event received; an event replayed twice is counted once.
 */
final class DeviceSocket implements AutoCloseable {

    private static final long RETRY_MIN_MS = 250;
    private static final long RETRY_MAX_MS = 5_000;
    private static final long SUBSCRIBE_WAIT_MS = 5_000;

    private final HttpClient http;
    private final URI gateway;
    private final String token;
    private final String topic;
    private final Map<String, LongAdder> received = new ConcurrentHashMap<>();
    private final Set<UUID> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final Object lock = new Object();
    private RealtimeClient client;
    private boolean closing;
    private Thread retrying;
    private long newestOffset;
    private String epoch;
    private volatile String problem;

    DeviceSocket(HttpClient http, String base, String token, UUID session) {
        this.http = http;
        this.gateway = gatewayOf(base);
        this.token = token;
        this.topic = "scanning:session:" + session;
    }

    /** The gateway beside the HTTP API: {@code http://host/x} → {@code ws://host/x/ws}. */
    static URI gatewayOf(String base) {
        return URI.create(base.replaceFirst("^http", "ws") + "/ws");
    }

    /**
     * Connects and waits (a few seconds at most) until the subscription is live, so the device hears of what it
     * does next. A first connection that fails is not the run's end (a gate scans without its socket): it is
     * tried again in the background, and the summary says so.
     */
    void open() {
        if (!connect()) {
            retryLater();
        }
    }

    /** Events received, by type (e.g. {@code scan.accepted.v1}). */
    Map<String, Long> received() {
        Map<String, Long> out = new TreeMap<>();
        received.forEach((type, n) -> out.put(type, n.sum()));
        return out;
    }

    /** Events of the device's own scans received so far (accepted or rejected). */
    long scanEvents() {
        return received.entrySet().stream().filter(e -> e.getKey().startsWith("scan."))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Connections opened (more than one: it was dropped and reconnected). */
    int connections() {
        return connections.get();
    }

    /** Why the socket is not (or was not) live, or null. */
    String problem() {
        return problem;
    }

    @Override
    public void close() {
        RealtimeClient open;
        Thread retry;
        synchronized (lock) {
            closing = true;
            open = client;
            client = null;
            retry = retrying;
        }
        if (retry != null) {
            retry.interrupt();
        }
        if (open != null) {
            open.close();
        }
    }

    private boolean connect() {
        CountDownLatch subscribed = new CountDownLatch(1);
        RealtimeClient opened;
        try {
            opened = RealtimeClient.connect(http, gateway, token, new Receiver(subscribed));
        } catch (IllegalStateException e) {
            problem = e.getMessage();
            return false;
        }
        Resume resume;
        synchronized (lock) {
            if (closing) {
                opened.close();
                return true;
            }
            client = opened;
            resume = newestOffset > 0 ? Resume.after(Map.of(), newestOffset, epoch) : null;
        }
        connections.incrementAndGet();
        try {
            opened.subscribe(topic, "session", resume);
            if (!subscribed.await(SUBSCRIBE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                problem = "no answer to subscribing to " + topic;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            problem = "subscribing failed: " + e.getMessage();
        }
        if (opened.isOpen()) {
            return true;
        }
        synchronized (lock) {
            if (client == opened) {
                client = null; // dropped before it was live: tried again
            }
        }
        return false;
    }

    /** Opens the connection again until it holds or the socket is closed; one retrier at a time. */
    private void retryLater() {
        synchronized (lock) {
            if (closing || retrying != null) {
                return;
            }
            retrying = Thread.ofVirtual().name("sim-socket-retry").unstarted(this::retry);
            retrying.start();
        }
    }

    private void retry() {
        long pause = RETRY_MIN_MS;
        try {
            while (true) {
                Thread.sleep(pause);
                synchronized (lock) {
                    if (closing) {
                        return;
                    }
                }
                if (connect()) {
                    return;
                }
                pause = Math.min(RETRY_MAX_MS, pause * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            boolean again;
            synchronized (lock) {
                retrying = null;
                // dropped again while this retrier was finishing: its receiver found a retrier and left it to it
                again = !closing && client == null;
            }
            if (again) {
                retryLater();
            }
        }
    }

    private void count(EventMessage message) {
        if (message.id() != null && !seen.add(message.id())) {
            return; // replayed after a reconnect, counted the first time
        }
        received.computeIfAbsent(message.event(), t -> new LongAdder()).increment();
        synchronized (lock) {
            newestOffset = Math.max(newestOffset, message.offset());
        }
    }

    /** Frames of one connection, on the JDK's thread. */
    private final class Receiver implements RealtimeClient.Listener {
        private final CountDownLatch subscribed;

        Receiver(CountDownLatch subscribed) {
            this.subscribed = subscribed;
        }

        @Override
        public void onFrame(ServerFrame frame) {
            switch (frame) {
                case ServerFrame.Welcome w -> {
                    synchronized (lock) {
                        if (epoch != null && !epoch.equals(w.epoch())) {
                            newestOffset = 0; // another outbox: its offsets say nothing of ours
                        }
                        epoch = w.epoch();
                    }
                }
                case ServerFrame.Subscribed s -> {
                    problem = null;
                    subscribed.countDown();
                }
                case ServerFrame.Event e -> count(e.message());
                case ServerFrame.Error e -> {
                    problem = "the gateway refused: " + e.code() + " " + e.message();
                    subscribed.countDown();
                }
                default -> {
                }
            }
        }

        @Override
        public void onClose(int code, String reason) {
            synchronized (lock) {
                if (closing) {
                    return;
                }
                client = null;
            }
            problem = "dropped (" + code + (reason == null || reason.isBlank() ? "" : " " + reason) + ")";
            retryLater();
        }
    }
}

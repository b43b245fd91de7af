package za.voelgoed.console.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import za.voelgoed.shared.client.RealtimeClient;
import za.voelgoed.shared.client.TopicStream;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.ClientFrame;
import za.voelgoed.shared.realtime.ServerFrame;

/**
 * The console's one WebSocket to the backend, kept open for as long as the console runs: it reconnects
 * with back-off when the backend goes away, resubscribes every topic a page holds with the point it had
 * reached (the server replays what was missed, or says it cannot and the page re-reads its snapshot), and
 * pings so that a silent connection is told apart from a quiet one. Each topic's events go through a
 * {@link TopicStream}, which drops duplicates and notices gaps. Listeners are called on the socket's
 * thread and must only record what happened (the pages coalesce it for the screen).
 */
public final class LiveConnection implements AutoCloseable, Topics, LiveStatus {

    private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    /** Often enough that a quiet but healthy connection never looks stale (the shell's threshold is seconds). */
    private static final long PING_EVERY_MS = 2_000;

    /** Where the connection stands. */
    public enum State { CONNECTING, LIVE, DOWN, CLOSED }

    /** Told when the connection changes state; {@code reason} says why it went down, or null. */
    public interface StateListener {
        void onState(State state, String reason);
    }

    /** A page's hold on a topic: tell it where a snapshot stood, close it when the page goes. */
    public interface Handle extends AutoCloseable {
        void snapshotTaken(long offset, String epoch, Instant takenAt);

        @Override
        void close();
    }

    /** What a page hears of one topic. */
    public interface TopicListener {
        /** An event that changed something (or arrived after a gap): re-read or apply it. */
        void onEvent(EventMessage message);

        /**
         * The subscription (re)started without the events in between: re-read the snapshot, then call
         * {@link Subscription#snapshotTaken}.
         */
        void onReset();

        /** A listener from two lambdas. */
        static TopicListener of(java.util.function.Consumer<EventMessage> onEvent, Runnable onReset) {
            return new TopicListener() {
                @Override
                public void onEvent(EventMessage message) {
                    onEvent.accept(message);
                }

                @Override
                public void onReset() {
                    onReset.run();
                }
            };
        }
    }

    private final URI gateway;
    private final String token;
    private final HttpClient http;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final List<StateListener> stateListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong lastFrameAt = new AtomicLong();
    private final AtomicLong refs = new AtomicLong();
    private final Object lock = new Object();

    private volatile State state = State.CONNECTING;
    private volatile String reason;
    private RealtimeClient client;
    private ScheduledFuture<?> pinger;
    private Duration backoff = FIRST_BACKOFF;
    private long generation;

    public LiveConnection(URI gateway, String token, HttpClient http, Clock clock) {
        this.gateway = gateway;
        this.token = token;
        this.http = http;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-live");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts connecting; the state listeners hear how it goes. */
    public LiveConnection start() {
        scheduler.execute(this::connect);
        return this;
    }

    public State state() {
        return state;
    }

    /** Why the connection is down, as a sentence, or null. */
    public String reason() {
        return reason;
    }

    /** When the last frame of any kind (event, pong, subscription answer) arrived; null before the first. */
    @Override
    public Instant lastFrameAt() {
        long at = lastFrameAt.get();
        return at == 0 ? null : Instant.ofEpochMilli(at);
    }

    @Override
    public void addStateListener(StateListener listener) {
        stateListeners.add(listener);
        listener.onState(state, reason);
    }

    public void removeStateListener(StateListener listener) {
        stateListeners.remove(listener);
    }

    /** Subscribes a page to a topic for as long as it keeps the returned subscription open. */
    @Override
    public Subscription subscribe(String topic, TopicListener listener) {
        Subscription subscription = new Subscription(topic, listener);
        synchronized (lock) {
            Topic entry = topics.computeIfAbsent(topic, t -> new Topic(t, "t" + refs.incrementAndGet()));
            entry.listeners.add(subscription);
            if (entry.listeners.size() == 1 && client != null && state == State.LIVE) {
                send(new ClientFrame.Subscribe(topic, entry.ref, null));
            }
        }
        return subscription;
    }

    /** The topics currently held by some page (for tests and the status bar). */
    public List<String> topics() {
        return new ArrayList<>(topics.keySet());
    }

    @Override
    public void close() {
        state = State.CLOSED;
        scheduler.shutdownNow();
        synchronized (lock) {
            if (client != null) {
                client.close();
            }
        }
    }

    private void connect() {
        if (state == State.CLOSED) {
            return;
        }
        long attempt;
        synchronized (lock) {
            attempt = ++generation;
        }
        try {
            RealtimeClient opened = RealtimeClient.connect(http, gateway, token, new Receiver(attempt));
            synchronized (lock) {
                if (state == State.CLOSED) {
                    opened.close();
                    return;
                }
                client = opened;
            }
        } catch (RuntimeException e) {
            down(attempt, describe(e));
        }
    }

    private void down(long attempt, String why) {
        synchronized (lock) {
            if (attempt != generation || state == State.CLOSED) {
                return;
            }
            generation++;
            if (pinger != null) {
                pinger.cancel(false);
            }
            if (client != null) {
                RealtimeClient dead = client;
                client = null;
                scheduler.execute(dead::close);
            }
        }
        setState(State.DOWN, why);
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> {
                setState(State.CONNECTING, why);
                connect();
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void welcomed(long attempt, ServerFrame.Welcome welcome) {
        // on the scheduler, after connect() has kept the client the welcome came on
        scheduler.execute(() -> resubscribe(attempt, welcome));
    }

    private void resubscribe(long attempt, ServerFrame.Welcome welcome) {
        synchronized (lock) {
            if (attempt != generation) {
                return;
            }
            backoff = FIRST_BACKOFF;
            for (Topic entry : topics.values()) {
                if (entry.listeners.isEmpty()) {
                    continue;
                }
                entry.stream.connected(welcome.epoch());
                send(new ClientFrame.Subscribe(entry.name, entry.ref, resumeOf(entry.stream)));
            }
            long every = Math.max(500, Math.min(PING_EVERY_MS, welcome.heartbeatMs() / 3));
            pinger = scheduler.scheduleAtFixedRate(() -> ping(attempt, every), every, every, TimeUnit.MILLISECONDS);
            setState(State.LIVE, null);
        }
    }

    /**
     * The exact point to resume from: the offset alone. The per-resource map would only repeat what the offset
     * says, and after a day of holds it is larger than a frame may be; duplicates are dropped by the stream.
     */
    private static za.voelgoed.shared.realtime.Resume resumeOf(TopicStream stream) {
        za.voelgoed.shared.realtime.Resume point = stream.resumePoint();
        return point.offset() > 0 && point.epoch() != null
                ? za.voelgoed.shared.realtime.Resume.after(Map.of(), point.offset(), point.epoch()) : null;
    }

    private void ping(long attempt, long every) {
        long silentFor = clock.millis() - lastFrameAt.get();
        if (silentFor > every * 3) {
            down(attempt, "The backend stopped answering (nothing for " + silentFor / 1000 + " s).");
            return;
        }
        synchronized (lock) {
            if (attempt == generation && client != null) {
                send(new ClientFrame.Ping("hb"));
            }
        }
    }

    private void send(ClientFrame frame) {
        RealtimeClient target = client;
        if (target == null) {
            return;
        }
        scheduler.execute(() -> {
            try {
                target.send(frame);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "send failed; the close handler reconnects", e);
            }
        });
    }

    private void onFrame(long attempt, ServerFrame frame) {
        lastFrameAt.set(clock.millis());
        switch (frame) {
            case ServerFrame.Welcome w -> welcomed(attempt, w);
            case ServerFrame.Subscribed s -> subscribed(s);
            case ServerFrame.Event e -> event(e);
            case ServerFrame.Error e -> LOG.log(Level.WARNING, "gateway refused {0}: {1} {2}",
                    new Object[] {e.ref(), e.code(), e.message()});
            case ServerFrame.Pong p -> { }
            case ServerFrame.Unsubscribed u -> { }
        }
    }

    private void subscribed(ServerFrame.Subscribed frame) {
        Topic entry = topics.get(frame.topic());
        if (entry != null && !Boolean.TRUE.equals(frame.recovered())) {
            entry.listeners.forEach(s -> s.listener.onReset());
        }
    }

    private void event(ServerFrame.Event frame) {
        Topic entry = topics.get(frame.topic());
        if (entry == null) {
            return;
        }
        TopicStream.Outcome outcome;
        synchronized (lock) {
            outcome = entry.stream.offer(frame.message());
        }
        if (outcome == TopicStream.Outcome.APPLIED || outcome == TopicStream.Outcome.GAP) {
            entry.listeners.forEach(s -> s.listener.onEvent(frame.message()));
        }
    }

    private void setState(State next, String why) {
        if (state == State.CLOSED) {
            return;
        }
        state = next;
        reason = why;
        stateListeners.forEach(l -> l.onState(next, why));
    }

    private String describe(RuntimeException e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("401") || text.contains("403")) {
            return "The backend does not accept this token on its live connection.";
        }
        return "The live connection to " + gateway.getHost() + ":" + gateway.getPort() + " is down; reconnecting.";
    }

    /** A page's hold on a topic. */
    public final class Subscription implements Handle {
        private final String topic;
        private final TopicListener listener;

        private Subscription(String topic, TopicListener listener) {
            this.topic = topic;
            this.listener = listener;
        }

        public String topic() {
            return topic;
        }

        /**
         * Tells the topic's stream where the snapshot the page just read stands in the dispatch order
         * ({@code offset} in {@code epoch}; 0 and null when the route does not say), so that a later resume
         * replays exactly what came after it.
         */
        @Override
        public void snapshotTaken(long offset, String epoch, Instant takenAt) {
            synchronized (lock) {
                Topic entry = topics.get(topic);
                if (entry != null && offset > 0 && epoch != null) {
                    entry.stream.applySnapshot(Map.of(), takenAt, offset, epoch);
                }
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                Topic entry = topics.get(topic);
                if (entry == null || !entry.listeners.remove(this)) {
                    return;
                }
                if (entry.listeners.isEmpty()) {
                    topics.remove(topic);
                    if (client != null && state == State.LIVE) {
                        send(new ClientFrame.Unsubscribe(topic, entry.ref));
                    }
                }
            }
        }
    }

    private static final class Topic {
        final String name;
        final String ref;
        final TopicStream stream = new TopicStream();
        final List<Subscription> listeners = new CopyOnWriteArrayList<>();

        Topic(String name, String ref) {
            this.name = name;
            this.ref = ref;
        }
    }

    private final class Receiver implements RealtimeClient.Listener {
        private final long attempt;

        Receiver(long attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onFrame(ServerFrame frame) {
            LiveConnection.this.onFrame(attempt, frame);
        }

        @Override
        public void onClose(int code, String why) {
            down(attempt, code == 1000 || code == 1001 ? "The backend closed the live connection; reconnecting."
                    : "The live connection dropped (code " + code + "); reconnecting.");
        }
    }
}

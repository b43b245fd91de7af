package za.voelgoed.platform.gateway;

import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import za.voelgoed.platform.pubsub.Routed;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.Frames;
import za.voelgoed.shared.realtime.ServerFrame;
import za.voelgoed.shared.realtime.Resume;
import za.voelgoed.shared.topic.Topic;

/**
 * Everything a connection writes, one message at a time (the socket is not safe for concurrent writers).
 * No other thread ever waits on a write here: the sweeper only reads how long the write in progress has
 * been blocked ({@link #stalledMillis}) and breaks it ({@link #abortWrite}); heartbeats are written by a
 * thread of this connection's own ({@link #pingInBackground}), one at a time.
 * After a resume it remembers, for a minute, the last seq it replayed per resource, so an event replayed
 * from the outbox and then published live is written once. Live events are not remembered: PubSub hands
 * a connection each message once however many of its topics match, and the rare second copy of a message
 * (a dispatcher died before committing) is dropped by the client by seq. Remembering every live event
 * cost every socket a map update per event, and the garbage collector most of the gateway's CPU. A client
 * that asked for batches ({@code /ws?batch=true}) gets the events that were waiting together as one
 * WebSocket message, one frame per line: one socket write instead of one per event.
 */
final class Outbound {

    /** Resources remembered after a resume (the replay limit is 5,000 events per topic by default). */
    private static final int REMEMBERED_RESOURCES = 20_000;
    /** The dispatcher publishes a replayed event within seconds; a minute covers a backlog too. */
    private static final long REMEMBER_REPLAYED_MS = 60_000;

    private final WsSession session;
    private final GatewayTelemetry telemetry;
    private final EncodedFrames encoded;
    private final boolean batched;
    /** Last seq per {@link Resume#resourceKey}: replayed, or reported by the resuming client. */
    private final Map<String, Long> replayed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_RESOURCES;
        }
    };
    private long forgetReplayedAt;
    private final ReentrantLock lock = new ReentrantLock();
    /** {@link System#nanoTime} when the socket write in progress began; 0 while no write is in progress. */
    private volatile long writingSince;
    private volatile Thread writer;
    private final AtomicBoolean pinging = new AtomicBoolean();

    Outbound(WsSession session, GatewayTelemetry telemetry, EncodedFrames encoded, boolean batched) {
        this.session = session;
        this.batched = batched;
        this.telemetry = telemetry;
        this.encoded = encoded;
    }

    void send(UUID org, ServerFrame frame) {
        lock.lock();
        try {
            write(org, Frames.encode(frame), frame.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code steps} as one uninterrupted run of writes (a resume's replay, then its answer). */
    void exclusively(Runnable steps) {
        lock.lock();
        try {
            steps.run();
        } finally {
            lock.unlock();
        }
    }

    private void write(UUID org, String text, String type) {
        if (sendMessage(text)) {
            telemetry.frameSent(org, type);
        }
    }

    /** One WebSocket message; false when the socket is gone (onClose/onError cleans up). */
    private boolean sendMessage(String text) {
        writer = Thread.currentThread();
        writingSince = System.nanoTime();
        try {
            session.send(text, true);
            return true;
        } catch (RuntimeException e) {
            return false;
        } finally {
            writingSince = 0;
            writer = null;
        }
    }

    /** How long the write in progress has been blocked on the socket, in milliseconds; 0 when none is. */
    long stalledMillis(long nowNanos) {
        long since = writingSince;
        return since == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(nowNanos - since);
    }

    /** Breaks a blocked write: interrupting a thread blocked on a socket closes that socket. */
    void abortWrite() {
        Thread blocked = writer;
        if (blocked != null) {
            blocked.interrupt();
        }
    }

    /**
     * Sends the events that are not held back by a replaying topic and were not sent already; returns
     * those it sent.
     */
    List<EventMessage> sendEvents(List<Routed.Match> matches, Subscriptions subscriptions) {
        if (subscriptions == null) {
            return List.of();
        }
        lock.lock();
        try {
            return sendUnlocked(matches, subscriptions);
        } finally {
            lock.unlock();
        }
    }

    private List<EventMessage> sendUnlocked(List<Routed.Match> matches, Subscriptions subscriptions) {
        List<EventMessage> sent = new ArrayList<>(matches.size());
        List<String> frames = new ArrayList<>(matches.size());
        for (Routed.Match m : matches) {
            if (!subscriptions.bufferIfReplaying(m.topic(), m.message()) && !replayedAlready(m.message())) {
                sent.add(m.message());
                frames.add(encoded.event(m.topic(), m.message()));
            }
        }
        if (batched && frames.size() > 1) {
            writeLines(frames, sent);
        } else {
            for (int i = 0; i < frames.size(); i++) {
                write(sent.get(i).orgId(), frames.get(i), "event");
            }
        }
        return sent;
    }

    private void writeLines(List<String> frames, List<EventMessage> events) {
        if (sendMessage(Frames.joinLines(frames))) {
            events.forEach(e -> telemetry.frameSent(e.orgId(), "event"));
        }
    }

    /**
     * A replayed or buffered event of a resume: sent and remembered, unless it was sent already or the
     * client has it. Caller holds this object's lock.
     */
    boolean sendReplayed(Topic topic, EventMessage message) {
        String key = Resume.resourceKey(message.resourceType(), message.resourceId());
        Long last = replayed.get(key);
        if (last != null && message.seq() <= last) {
            return false;
        }
        replayed.put(key, message.seq());
        forgetReplayedAt = System.currentTimeMillis() + REMEMBER_REPLAYED_MS;
        write(message.orgId(), encoded.event(topic, message), "event");
        return true;
    }

    /** Whether a live event went out already in a recent resume. */
    private boolean replayedAlready(EventMessage message) {
        if (replayed.isEmpty()) {
            return false;
        }
        if (System.currentTimeMillis() > forgetReplayedAt) {
            replayed.clear();
            return false;
        }
        Long last = replayed.get(Resume.resourceKey(message.resourceType(), message.resourceId()));
        return last != null && message.seq() <= last;
    }

    /**
     * Records what a resuming client says it has ({@link Resume#resources}), so neither the replay nor a
     * later live copy sends it again. Caller runs it {@link #exclusively}.
     */
    void clientHas(Map<String, Long> resources) {
        resources.forEach((key, seq) -> replayed.merge(key, seq, Math::max));
        forgetReplayedAt = System.currentTimeMillis() + REMEMBER_REPLAYED_MS;
    }

    /** Sends a heartbeat ping on a thread of its own, unless the previous one is still waiting to go out. */
    void pingInBackground() {
        if (!pinging.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("ws-ping").start(() -> {
            lock.lock();
            try {
                writer = Thread.currentThread();
                writingSince = System.nanoTime();
                session.ping(BufferData.empty());
            } catch (RuntimeException e) {
                // the socket is gone; onClose/onError cleans up
            } finally {
                writingSince = 0;
                writer = null;
                lock.unlock();
                pinging.set(false);
            }
        });
    }

    /**
     * Sends a close frame once no other write is in progress, waiting at most a second for one; a write
     * still blocked then is broken (the client stopped reading, so it would never see the frame anyway).
     */
    void close(int code, String reason) {
        try {
            if (!lock.tryLock(1, TimeUnit.SECONDS)) {
                abortWrite();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            session.close(code, reason);
        } catch (RuntimeException e) {
            // the socket is already gone
        } finally {
            lock.unlock();
        }
    }
}

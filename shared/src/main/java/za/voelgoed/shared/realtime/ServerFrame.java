package za.voelgoed.shared.realtime;

import za.voelgoed.shared.event.EventMessage;

/** What the server sends over the WebSocket; each frame is a JSON object whose {@code type} names it. */
public sealed interface ServerFrame {

    /**
     * First frame after authentication: the connection's id, the heartbeat the server expects, and the
     * epoch of the outbox whose offsets events carry (resume points of another epoch cannot be replayed).
     */
    record Welcome(String connectionId, long heartbeatMs, String epoch) implements ServerFrame {

        public Welcome(String connectionId, long heartbeatMs) {
            this(connectionId, heartbeatMs, null);
        }
    }

    /**
     * The subscription is live. With a resume request, {@code recovered} says whether the replayed
     * events ({@code replayed} of them, sent before this frame) filled the gap; if false the client must
     * rehydrate from the snapshot routes. Null when no resume was asked.
     */
    record Subscribed(String topic, String ref, Boolean recovered, int replayed) implements ServerFrame {
    }

    record Unsubscribed(String topic, String ref) implements ServerFrame {
    }

    /** A system event on a subscribed topic: the seed payload plus {@code id} and per-resource {@code seq}. */
    record Event(String topic, EventMessage message) implements ServerFrame {
    }

    /** A refused frame or request; {@code ref} echoes the client's ref when it had one. */
    record Error(String ref, String code, String message) implements ServerFrame {
    }

    record Pong(String ref) implements ServerFrame {
    }
}

package za.voelgoed.shared.realtime;

/** What a client sends over the WebSocket; each frame is a JSON object whose {@code type} names it. */
public sealed interface ClientFrame {

    /** Authenticates a connection opened without an {@code Authorization} header (browsers). */
    record Auth(String token) implements ClientFrame {
    }

    /** Subscribes to a topic; with {@code resume}, the server first replays what the client missed. */
    record Subscribe(String topic, String ref, Resume resume) implements ClientFrame {
    }

    record Unsubscribe(String topic, String ref) implements ClientFrame {
    }

    /** An application-level ping; the server answers {@code pong} with the same ref. */
    record Ping(String ref) implements ClientFrame {
    }
}

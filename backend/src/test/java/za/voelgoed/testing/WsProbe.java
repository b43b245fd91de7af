package za.voelgoed.testing;

import org.awaitility.Awaitility;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import za.voelgoed.shared.client.RealtimeClient;
import za.voelgoed.shared.event.EventMessage;
import za.voelgoed.shared.realtime.ServerFrame;

/** A WebSocket test client that records every frame it receives. */
public final class WsProbe implements RealtimeClient.Listener, AutoCloseable {

    private final List<ServerFrame> frames = new CopyOnWriteArrayList<>();
    private final RealtimeClient client;

    public WsProbe(int port, String token) {
        this.client = RealtimeClient.connect(URI.create("ws://127.0.0.1:" + port + "/ws"), token, this);
    }

    @Override
    public void onFrame(ServerFrame frame) {
        frames.add(frame);
    }

    public RealtimeClient client() {
        return client;
    }

    public List<ServerFrame> frames() {
        return List.copyOf(frames);
    }

    public List<EventMessage> events() {
        return frames.stream().filter(f -> f instanceof ServerFrame.Event).map(f -> ((ServerFrame.Event) f).message())
                .toList();
    }

    /** Waits for a frame matching the predicate and returns it. */
    @SuppressWarnings("unchecked")
    public <T extends ServerFrame> T await(Class<T> type, Predicate<T> match) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> frames.stream()
                .anyMatch(f -> type.isInstance(f) && match.test((T) f)));
        return (T) frames.stream().filter(f -> type.isInstance(f) && match.test((T) f)).findFirst().orElseThrow();
    }

    /** Subscribes and returns the server's answer: {@code Subscribed} or {@code Error}. */
    public ServerFrame subscribe(String topic) {
        String ref = "r" + System.nanoTime();
        client.subscribe(topic, ref);
        return awaitAnswer(ref);
    }

    public ServerFrame awaitAnswer(String ref) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> frames.stream().anyMatch(f -> answers(f, ref)));
        return frames.stream().filter(f -> answers(f, ref)).findFirst().orElseThrow();
    }

    private static boolean answers(ServerFrame f, String ref) {
        return (f instanceof ServerFrame.Subscribed s && ref.equals(s.ref()))
                || (f instanceof ServerFrame.Error e && ref.equals(e.ref()))
                || (f instanceof ServerFrame.Pong p && ref.equals(p.ref()))
                || (f instanceof ServerFrame.Unsubscribed u && ref.equals(u.ref()));
    }

    @Override
    public void close() {
        client.close();
    }
}

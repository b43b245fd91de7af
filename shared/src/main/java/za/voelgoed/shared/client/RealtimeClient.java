package za.voelgoed.shared.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import za.voelgoed.shared.realtime.ClientFrame;
import za.voelgoed.shared.realtime.FrameException;
import za.voelgoed.shared.realtime.Frames;
import za.voelgoed.shared.realtime.Resume;
import za.voelgoed.shared.realtime.ServerFrame;

/**
 * A small client of the backend's {@code /ws} gateway on the JDK's {@link WebSocket}: connects with a
 * bearer token, sends subscribe/unsubscribe/ping frames and hands every decoded server frame to a
 * {@link Listener}. Frames arrive on the JDK's thread one at a time, in order. It asks for batches
 * ({@code ?batch=true}: the server may put several frames in one message, one per line) and hands them
 * on one frame at a time. Used by the console, the load tools and the tests; pair it with
 * {@link TopicStream} to merge a snapshot with live events.
 */
public final class RealtimeClient implements AutoCloseable {

    /** Receives what the server sends. Keep it quick: the next frame waits for it. */
    public interface Listener {
        void onFrame(ServerFrame frame);

        /**
         * Every complete text frame as received. The default decodes it for {@link #onFrame}; a load tool
         * that only needs a field or two may read the text itself and skip the decoding.
         */
        default void onText(String text) {
            try {
                onFrame(Frames.decodeServer(text));
            } catch (FrameException e) {
                onUndecodable(text, e);
            }
        }

        default void onClose(int code, String reason) {
        }

        default void onUndecodable(String text, FrameException problem) {
        }
    }

    private final WebSocket socket;
    private final CompletableFuture<Integer> closed;
    private final Receiver receiver;

    private RealtimeClient(WebSocket socket, CompletableFuture<Integer> closed, Receiver receiver) {
        this.socket = socket;
        this.closed = closed;
        this.receiver = receiver;
    }

    /** Connects and authenticates on the upgrade; fails if the token is refused. */
    public static RealtimeClient connect(HttpClient http, URI uri, String token, Listener listener) {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            Receiver receiver = new Receiver(listener, closed);
            WebSocket socket = builder.buildAsync(batching(uri), receiver).get(15, TimeUnit.SECONDS);
            return new RealtimeClient(socket, closed, receiver);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot connect to " + uri + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + uri, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out connecting to " + uri, e);
        }
    }

    /** The gateway address with {@code batch=true} added to its query. */
    static URI batching(URI uri) {
        String text = uri.toString();
        return URI.create(text + (uri.getRawQuery() == null ? "?" : "&") + "batch=true");
    }

    public static RealtimeClient connect(URI uri, String token, Listener listener) {
        return connect(HttpClient.newHttpClient(), uri, token, listener);
    }

    public void send(ClientFrame frame) {
        sendRaw(Frames.encode(frame));
    }

    public void subscribe(String topic, String ref) {
        send(new ClientFrame.Subscribe(topic, ref, null));
    }

    public void subscribe(String topic, String ref, Resume resume) {
        send(new ClientFrame.Subscribe(topic, ref, resume));
    }

    public void unsubscribe(String topic, String ref) {
        send(new ClientFrame.Unsubscribe(topic, ref));
    }

    /** Sends any text, valid or not (the tests' fuzzing uses it). */
    public synchronized void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Completes with the close code when the connection ends, from either side. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public boolean isOpen() {
        return !closed.isDone() && !socket.isInputClosed();
    }

    /**
     * Stops reading after the frame in hand: the server's frames back up in the TCP buffers, as with a
     * client on a stalled network (the tests' slow consumer).
     */
    public void stopReading() {
        receiver.paused = true;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                socket.abort();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                socket.abort();
            }
        }
        socket.abort();
    }

    private static final class Receiver implements WebSocket.Listener {
        private final Listener listener;
        private final CompletableFuture<Integer> closed;
        private final StringBuilder partial = new StringBuilder();
        private volatile boolean paused;

        Receiver(Listener listener, CompletableFuture<Integer> closed) {
            this.listener = listener;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            try {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    for (String frame : Frames.splitLines(text)) {
                        listener.onText(frame);
                    }
                }
            } finally {
                // a listener that throws must not stop the connection from reading (it would stall, then be
                // cut off as a slow consumer)
                if (!paused) {
                    webSocket.request(1);
                }
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            listener.onClose(statusCode, reason);
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.onClose(1006, String.valueOf(error.getMessage()));
            closed.complete(1006);
        }
    }
}

package za.voelgoed.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between the backend and the payment simulator: a TCP relay in the test JVM that the
 * backend is configured to reach the provider through. {@link #cut()} drops every open connection and
 * refuses new ones at once (the backend sees the provider unreachable, as in a partition), {@link #heal()}
 * lets traffic through again. The simulator keeps its authorisations across a cut, so a capture that
 * failed during one succeeds when replayed after it.
 */
public final class PaymentLink implements AutoCloseable {

    private final ServerSocket server;
    private final int upstreamPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private PaymentLink(ServerSocket server, int upstreamPort) {
        this.server = server;
        this.upstreamPort = upstreamPort;
    }

    /** Listens on a free loopback port and relays to {@code upstreamPort} on loopback. */
    public static PaymentLink start(int upstreamPort) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            PaymentLink link = new PaymentLink(server, upstreamPort);
            Thread.ofPlatform().daemon().name("payment-link-accept").start(link::acceptLoop);
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the payment link", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The provider URL the backend is given. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Closes every relayed connection and refuses new ones until {@link #heal()}. */
    public void cut() {
        cut = true;
        open.forEach(PaymentLink::closeQuietly);
    }

    public void heal() {
        cut = false;
    }

    public boolean isCut() {
        return cut;
    }

    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(PaymentLink::closeQuietly);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                } else {
                    Thread.ofVirtual().name("payment-link-relay").start(() -> relay(client));
                }
            } catch (IOException e) {
                // the server socket was closed: the link is done
            }
        }
    }

    private void relay(Socket client) {
        open.add(client);
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            open.add(upstream);
            if (cut) {
                return; // cut between accept and here
            }
            Thread back = Thread.ofVirtual().name("payment-link-back").start(() -> pump(upstream, client));
            pump(client, upstream);
            back.join();
        } catch (IOException e) {
            // the simulator is gone or the link was cut: the client sees its connection close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.removeIf(Socket::isClosed);
            open.remove(client);
        }
    }

    /** Copies one direction until end of stream, then half-closes; any failure closes both ends. */
    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}

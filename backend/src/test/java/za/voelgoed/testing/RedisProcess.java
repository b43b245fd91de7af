package za.voelgoed.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

/**
 * A Redis server of a test's own (the machine's redis-server binary on a free port, keeping nothing on
 * disk), which the test may kill and start again without disturbing anything else that uses Redis.
 */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private final File log;
    private Process process;

    private RedisProcess(int port) {
        this.port = port;
        this.log = new File("target/redis-" + port + ".log");
    }

    public static RedisProcess start() {
        RedisProcess redis = new RedisProcess(freePort());
        redis.up();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public int port() {
        return port;
    }

    /** Starts the server on its port and waits until it answers. */
    public void up() {
        try {
            process = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", System.getProperty("java.io.tmpdir")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server did not answer on port " + port);
            }
            sleep(50);
        }
    }

    /** Kills the server at once: every connection drops, everything it held is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code CLIENT KILL TYPE pubsub}: drops every subscriber's connection; returns how many were killed. */
    public int killPubSubClients() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("CLIENT KILL TYPE pubsub\r\n".getBytes());
            String reply = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine();
            if (reply == null || !reply.startsWith(":")) {
                throw new IllegalStateException("CLIENT KILL answered " + reply);
            }
            return Integer.parseInt(reply.substring(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("PING\r\n".getBytes());
            return socket.getInputStream().read() == '+';
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}

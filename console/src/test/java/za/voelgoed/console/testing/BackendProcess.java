package za.voelgoed.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import za.voelgoed.testing.Api;
import za.voelgoed.testing.PaymentSimulatorProcess;
import za.voelgoed.testing.TestEnv;

/**
 * The real backend ({@link za.voelgoed.Main}) as a separate OS process, as the console meets it: over
 * HTTP on a port of its own, with the payment simulator as a third process behind a {@link PaymentLink}.
 * The database, Redis prefix, admin token and master key are this test JVM's ({@link TestEnv}), so a
 * {@link #restart()} finds the data it left and the run's clean-up removes it. The ports are chosen once,
 * up front: after {@link #kill()} a restart listens where the console was connected.
 *
 * <p>The child's stdout and stderr go to {@link #logFile()}; a start that fails shows its tail. The child
 * halts when this JVM ends ({@link BackendChildMain}), and a shutdown hook kills it too.
 */
public final class BackendProcess implements AutoCloseable {

    /** Longest wait for {@code /health/ready} after a (re)start. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** JVM options of the child: a small heap and quick start on a shared machine. */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final PaymentSimulatorProcess simulator;
    private final PaymentLink link;
    private final Path logFile;
    private final Thread reaper = new Thread(this::killQuietly, "backend-process-reaper");
    private volatile Process process;
    private boolean closed;

    private BackendProcess(String name, Map<String, String> overrides, List<String> jvmOptions) {
        this.name = name;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.port = overrides.containsKey("VOELGOED_HTTP_PORT")
                ? Integer.parseInt(overrides.get("VOELGOED_HTTP_PORT")) : freePort();
        this.managementPort = freePort();
        this.simulator = PaymentSimulatorProcess.start();
        this.link = PaymentLink.start(simulator.port());
        this.logFile = Path.of("target", "backend-process", name + "-" + TestEnv.RUN_ID + ".log").toAbsolutePath();
        Map<String, String> env = new HashMap<>(testFriendly(name, port, managementPort, link.url()));
        env.putAll(overrides);
        this.environment = Map.copyOf(TestEnv.environment(env));
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts a backend named {@code backend-N} (N counts the starts of this JVM, so two test classes never
     * share a log file or node id) with test settings; returns once it is ready.
     */
    public static BackendProcess start() {
        return start("backend-" + STARTED.incrementAndGet(), Map.of(), TEST_JVM_OPTIONS);
    }

    /**
     * Starts a backend whose node id and log file carry {@code name}, with {@code overrides} of the
     * {@code VOELGOED_*} environment on top of the test settings ({@code VOELGOED_HTTP_PORT} fixes the port
     * instead of a free one), and these JVM options.
     */
    public static BackendProcess start(String name, Map<String, String> overrides, List<String> jvmOptions) {
        BackendProcess backend = new BackendProcess(name, overrides, jvmOptions);
        try {
            backend.launch();
            return backend;
        } catch (RuntimeException | Error e) {
            backend.close();
            throw e;
        }
    }

    /** Outbox, jobs and holds on short timers (as {@code TestEnv.config} and the job ITs set them). */
    private static Map<String, String> testFriendly(String name, int port, int managementPort, String paymentsUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("VOELGOED_HTTP_PORT", Integer.toString(port));
        env.put("VOELGOED_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("VOELGOED_NODE_ID", name);
        env.put("VOELGOED_PAYMENTS_URL", paymentsUrl);
        env.put("VOELGOED_JOBS_POLL_INTERVAL_MS", "200");
        env.put("VOELGOED_JOBS_BACKOFF_MS", "10");
        env.put("VOELGOED_JOBS_SHUTDOWN_GRACE_MS", "2000");
        env.put("VOELGOED_STALL_DUMP_DIR", Path.of("target", "backend-process").toAbsolutePath().toString());
        return env;
    }

    /** {@code http://127.0.0.1:PORT}, the same across restarts. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The management listener ({@code /metrics}, {@code /health}), also fixed across restarts. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** The system-admin token (may create organisations and their tokens). */
    public String adminToken() {
        return environment.get("VOELGOED_ADMIN_TOKEN");
    }

    /** A client of the REST API as the system admin. */
    public Api admin() {
        return new Api(port, adminToken());
    }

    public PaymentSimulatorProcess simulator() {
        return simulator;
    }

    /** The connection from the backend to the payment simulator, to cut and heal. */
    public PaymentLink paymentLink() {
        return link;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The child's pid, or -1 before the first start. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** SIGKILL: no shutdown hook, no drain, as a crash or {@code kill -9}; returns once the process is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("backend pid " + process.pid() + " still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the backend", e);
        }
    }

    /** Starts the backend again on the same port and waits until it is ready; kills it first if it runs. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("this backend process is closed");
        }
        kill();
        launch();
    }

    /** Stops the backend (SIGTERM, then SIGKILL after 15 s), the link and the simulator. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killQuietly();
        } finally {
            link.close();
            simulator.close();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run: nothing to remove
            }
        }
    }

    /** The last {@code lines} lines of the child's log. */
    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log at " + logFile + ")";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** The answer of {@code GET /health/ready}, or -1 when nothing answers on the port. */
    public int readyStatus() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the backend whether it is ready", e);
        }
    }

    private synchronized void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BackendChildMain.class.getName(),
                Long.toString(ProcessHandle.current().pid())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the child sees only this run's settings, never a VOELGOED_* of the shell that started the tests
        builder.environment().keySet().removeIf(key -> key.startsWith("VOELGOED_"));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "==> " + Instant.now() + " starting backend '" + name + "' on " + baseUrl()
                    + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the backend process", e);
        }
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("the backend exited with code " + process.exitValue() + " before it was ready");
            }
            last = readyStatus();
            if (last == 200) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        killQuietly();
        throw failure("the backend was not ready within " + READY_TIMEOUT.toSeconds() + " s (last /health/ready: "
                + (last < 0 ? "no answer" : Integer.toString(last)) + ")");
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + "; " + baseUrl() + ", log " + logFile + ", its last lines:\n"
                + logTail(40));
    }

    private void killQuietly() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
        }
    }


    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}

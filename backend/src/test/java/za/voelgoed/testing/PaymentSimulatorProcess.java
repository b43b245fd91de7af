package za.voelgoed.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import za.voelgoed.paysim.PaymentSimulator;

/**
 * The payment-provider simulator in a JVM of its own, as the backend meets the real provider: over a
 * socket, in another process. Started with {@code --port 0}; the port comes from its ready line. Its
 * per-request log lines are kept so tests can count what the provider saw. The simulator watches this
 * JVM's pid and exits with it, so a crashed test run leaves nothing listening.
 */
public final class PaymentSimulatorProcess implements AutoCloseable {

    private static final long START_TIMEOUT_S = 30;

    private final Process process;
    private final int port;
    private final List<String> requestLines;

    private PaymentSimulatorProcess(Process process, int port, List<String> requestLines) {
        this.process = process;
        this.port = port;
        this.requestLines = requestLines;
    }

    /** Starts the simulator with extra {@code options} ({@code "--latency-ms", "200"}); returns once it listens. */
    public static PaymentSimulatorProcess start(String... options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived test process: skip the optimising compiler, start sooner
                "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                PaymentSimulator.class.getName(),
                "--port", "0",
                "--parent-pid", Long.toString(ProcessHandle.current().pid())));
        command.addAll(List.of(options));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the payment simulator", e);
        }
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("payment-simulator-stdout").start(() -> read(process, ready, lines));
        return new PaymentSimulatorProcess(process, awaitPort(process, ready), lines);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The simulator's {@code payment_simulator_request …} lines so far, oldest first. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** How many requests carrying {@code idempotencyKey} the simulator has logged so far. */
    public long requestsWithKey(String idempotencyKey) {
        String field = " idempotency_key=" + idempotencyKey + " ";
        return requestLines.stream().filter(line -> line.contains(field)).count();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Drains stdout for the process's whole life: a full pipe would block the simulator's log writes. */
    private static void read(Process process, CompletableFuture<Integer> ready, List<String> lines) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(PaymentSimulator.READY_PREFIX)) {
                    ready.complete(Integer.parseInt(line.substring(PaymentSimulator.READY_PREFIX.length()).strip()));
                } else {
                    lines.add(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException(
                "the payment simulator ended before it listened; see its stderr above"));
    }

    private static int awaitPort(Process process, CompletableFuture<Integer> ready) {
        try {
            return ready.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the payment simulator did not start within " + START_TIMEOUT_S + " s", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the payment simulator", e);
        }
    }
}

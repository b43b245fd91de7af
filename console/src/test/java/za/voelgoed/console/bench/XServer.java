package za.voelgoed.console.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Xvfb display for the whole bench run, started before the console's first start: a user's desktop has its
 * X server running when the console starts, so a start's time is the console's own, not an X server's start
 * (with {@code xvfb-run} per start, about 150–300 ms of it was, and 2.5 s on a machine's first Xvfb ever).
 * Xvfb picks a free display number itself ({@code -displayfd}) and writes it once it accepts connections.
 */
final class XServer implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(20);

    private final Process process;
    private final String display;

    private XServer(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /** Starts Xvfb with a 1920×1080 screen; its messages go to {@code log}. */
    static XServer start(Path log) throws IOException, InterruptedException {
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
                .redirectError(log.toFile()).start();
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> firstLine(xvfb));
        String n;
        try {
            n = number.get(READY_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            xvfb.destroyForcibly();
            throw e;
        } catch (ExecutionException | TimeoutException e) {
            xvfb.destroyForcibly();
            throw new IllegalStateException("Xvfb did not start within " + READY_WITHIN.toSeconds() + " s; see " + log, e);
        }
        if (n == null || !n.strip().matches("\\d+")) {
            xvfb.destroyForcibly();
            throw new IllegalStateException("Xvfb gave no display number; see " + log);
        }
        return new XServer(xvfb, ":" + n.strip());
    }

    private static String firstLine(Process xvfb) {
        try {
            return new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    /** The DISPLAY value of this server, such as {@code :1}. */
    String display() {
        return display;
    }

    /** CPU seconds the X server used so far. */
    double cpuSeconds() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

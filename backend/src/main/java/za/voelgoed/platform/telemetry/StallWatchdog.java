package za.voelgoed.platform.telemetry;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices when the node stops making progress — requests in flight and none completing for a while — and
 * writes a dump of every thread, virtual ones included, while it is stuck: a freeze nobody can reproduce on
 * demand is then explained by what each thread was waiting for at the time. One dump per stall; the next
 * stall (after a request completed) gets its own. Cheap enough to stay on: two atomic updates per request.
 */
public final class StallWatchdog implements Filter, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StallWatchdog.class.getName());

    private final long afterMs;
    private final Path directory;
    private final String nodeId;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** When a request last completed, or the first of the requests now in flight began if later. */
    private final AtomicLong lastProgress = new AtomicLong(System.currentTimeMillis());
    private final AtomicInteger dumps = new AtomicInteger();
    private volatile boolean dumpedThisStall;
    private final Thread thread;

    /** {@code afterMs <= 0} only counts requests and never dumps. */
    public StallWatchdog(long afterMs, Path directory, String nodeId) {
        this.afterMs = afterMs;
        this.directory = directory;
        this.nodeId = nodeId;
        this.thread = afterMs <= 0 ? null : Thread.ofPlatform().daemon().name("stall-watchdog-" + nodeId).start(this::watch);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (inFlight.getAndIncrement() == 0) {
            lastProgress.set(System.currentTimeMillis());
        }
        try {
            chain.proceed();
        } finally {
            inFlight.decrementAndGet();
            lastProgress.set(System.currentTimeMillis());
            dumpedThisStall = false;
        }
    }

    private void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(Math.min(1_000, afterMs));
            } catch (InterruptedException e) {
                return;
            }
            long quiet = System.currentTimeMillis() - lastProgress.get();
            if (inFlight.get() > 0 && quiet >= afterMs && !dumpedThisStall) {
                dumpedThisStall = true;
                dump(quiet);
            }
        }
    }

    private void dump(long quietMs) {
        Path file = directory.toAbsolutePath().resolve("voelgoed-stall-" + nodeId + "-" + Instant.now().toString().replace(':', '-') + ".txt");
        try {
            Files.createDirectories(directory);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            dumps.incrementAndGet();
            LOG.log(Level.WARNING, "stall_detected node=" + nodeId + " in_flight=" + inFlight.get() + " quiet_ms="
                    + quietMs + " thread_dump=" + file);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "stall_detected node=" + nodeId + " quiet_ms=" + quietMs
                    + " thread_dump_failed error=\"" + e.getMessage() + "\"");
        }
    }

    /** Thread dumps written so far. */
    public int dumps() {
        return dumps.get();
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}

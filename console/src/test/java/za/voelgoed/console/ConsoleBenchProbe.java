package za.voelgoed.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javafx.application.Platform;
import za.voelgoed.console.sales.viewmodel.SalesViewModel;
import za.voelgoed.console.shell.viewmodel.PageId;
import za.voelgoed.console.shell.viewmodel.ShellViewModel;
import za.voelgoed.console.viewmodel.PageModel;

/**
 * The real console ({@link ConsoleApp}, same options) with a probe for {@code bin/bench console}: it reports
 * on stdout, one line each, {@code PROBE <what> <epoch µs> ...}, and takes commands on stdin.
 * <ul>
 *   <li>{@code MAIN} when the JVM has started and runs this main; {@code TOOLKIT} when the FX thread runs;
 *       {@code WINDOW} when the window shows (the connection screen); {@code SHELL} when the shell has opened;
 *       {@code LOADED sold} when the sales page first shows real
 *       numbers; {@code SOLD sold} whenever the sold figure on the sales page changes; {@code PROBLEM text};</li>
 *   <li>{@code TICK page redraws reads cpuNanos} once a second, read on the FX thread;</li>
 *   <li>{@code GAPS <name>} answers {@code GAPS name count p50 p99 p999 max} (ms) of the FX thread's gaps
 *       ({@link FxHeartbeat}: 60 beats a second, started when the shell opens) since the last such command,
 *       then starts a new window; {@code GC} runs a full GC and answers
 *       {@code HEAP used committed histogram-file} (a class histogram of the live objects); {@code EXIT} (or the end of stdin: the bench is gone) ends the process normally.</li>
 * </ul>
 * Output goes through a queue and a thread of its own, so the FX thread never waits on the pipe.
 */
public final class ConsoleBenchProbe {

    private static final BlockingQueue<String> OUT = new LinkedBlockingQueue<>();
    private static final FxHeartbeat HEARTBEAT = new FxHeartbeat();

    private ConsoleBenchProbe() {
    }

    public static void main(String[] args) {
        emit("MAIN");
        Thread.ofPlatform().daemon().name("probe-out").start(ConsoleBenchProbe::writeLines);
        Thread.ofPlatform().daemon().name("probe-in").start(ConsoleBenchProbe::readCommands);
        Thread.ofPlatform().daemon().name("probe-startup").start(ConsoleBenchProbe::watchStartup);
        ConsoleApp.onShellOpened = ConsoleBenchProbe::attach;
        Launcher.main(args); // as console.jar starts it
    }

    /** Emits {@code TOOLKIT} when the FX thread first runs something and {@code WINDOW} when a window shows. */
    private static void watchStartup() {
        boolean[] seen = {false, false};
        while (!seen[1]) {
            try {
                Platform.runLater(() -> {
                    if (!seen[0]) {
                        seen[0] = true;
                        emit("TOOLKIT");
                    }
                    if (!seen[1] && javafx.stage.Window.getWindows().stream().anyMatch(w -> w.isShowing())) {
                        seen[1] = true;
                        emit("WINDOW");
                    }
                });
            } catch (IllegalStateException notYet) {
                // the toolkit is not up yet
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** On the FX thread, once: follows the sales page and starts the once-a-second tick. */
    private static void attach(ShellViewModel shell) {
        emit("SHELL");
        HEARTBEAT.start();
        PageModel page = shell.page(PageId.SALES);
        if (page instanceof SalesViewModel sales) {
            // totals are set before loaded() turns true on the first read, so both are watched
            long[] shownSold = {-1};
            Runnable check = () -> {
                var totals = sales.totals().get();
                if (totals == null || !sales.loaded().get() || totals.sold() == shownSold[0]) {
                    return;
                }
                if (shownSold[0] < 0) {
                    emit("LOADED " + totals.sold());
                }
                shownSold[0] = totals.sold();
                emit("SOLD " + totals.sold());
            };
            sales.totals().addListener((o, was, now) -> check.run());
            sales.loaded().addListener((o, was, now) -> check.run());
            sales.problem().addListener((o, was, now) -> {
                if (now != null) {
                    emit("PROBLEM " + now.replace('\n', ' '));
                }
            });
        }
        Thread.ofPlatform().daemon().name("probe-tick").start(() -> tickEverySecond(shell));
    }

    private static void tickEverySecond(ShellViewModel shell) {
        while (true) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
            Platform.runLater(() -> {
                PageId id = shell.current().get();
                PageModel page = id == null ? null : shell.page(id);
                long reads = page instanceof SalesViewModel sales ? sales.reads() : -1;
                emit("TICK " + (id == null ? "none" : id.option()) + " " + (page == null ? 0 : page.redraws()) + " "
                        + reads + " " + cpuNanos());
            });
        }
    }

    private static void readCommands() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.strip().split(" ");
                switch (words[0]) {
                    case "GAPS" -> gaps(words.length > 1 ? words[1] : "-");
                    case "GC" -> heapAfterGc();
                    case "EXIT" -> exit(0);
                    default -> emit("PROBLEM unknown command " + line);
                }
            }
        } catch (IOException e) {
            // the bench's end of the pipe is gone: so is the bench
        }
        exit(0);
    }

    private static void gaps(String name) {
        var g = HEARTBEAT.gaps();
        synchronized (g) {
            emit(String.format(Locale.ROOT, "GAPS %s %d %.3f %.3f %.3f %.3f", name, g.count(), g.percentileMs(0.50),
                    g.percentileMs(0.99), g.percentileMs(0.999), g.maxMs()));
            g.reset();
        }
    }

    /** A full GC, the heap used after it, and a class histogram of the live objects in a temporary file. */
    private static void heapAfterGc() {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String histogram = "-";
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            java.nio.file.Path file = java.nio.file.Files.createTempFile("console-bench-histogram", ".txt");
            java.nio.file.Files.writeString(file, String.valueOf(text));
            histogram = file.toAbsolutePath().toString();
        } catch (Exception e) {
            emit("PROBLEM no class histogram: " + e);
        }
        emit("HEAP " + heap.getUsed() + " " + heap.getCommitted() + " " + histogram);
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static void emit(String what) {
        Instant now = Instant.now();
        OUT.add("PROBE " + what.substring(0, what.indexOf(' ') < 0 ? what.length() : what.indexOf(' ')) + " "
                + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000)
                + (what.indexOf(' ') < 0 ? "" : what.substring(what.indexOf(' '))));
    }

    private static void writeLines() {
        while (true) {
            try {
                String line = OUT.take();
                System.out.println(line);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Prints what is still queued, then exits as a user closing the console does (System.exit, not halt): the
     * JVM writes its class-data-sharing archive on the way out, which the bench's first start relies on.
     */
    private static synchronized void exit(int status) {
        for (String line; (line = OUT.poll()) != null; ) {
            System.out.println(line);
        }
        System.out.flush();
        System.exit(status);
    }
}

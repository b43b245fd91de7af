package za.voelgoed.console.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real console as a process of its own (console.jar as {@link ConsoleLaunch} says, with
 * {@link za.voelgoed.console.ConsoleBenchProbe}; on the bench's {@link XServer}, this DISPLAY or Monocle's headless
 * platform),
 * and what its probe reports. Lines that are not the probe's
 * (JavaFX warnings, the console's log) go to the log file; probe lines are kept in memory by kind.
 */
final class ConsoleChild implements AutoCloseable {

    /** One probe line: what, when (epoch µs, the probe's wall clock), the words after. */
    record Line(String kind, long atMicros, List<String> words) {
        long number(int i) {
            return Long.parseLong(words.get(i));
        }
    }

    /** Monocle's headless platform, as the TestFX tests run (no X server, no GTK). */
    static final List<String> MONOCLE = List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Dheadless.geometry=1600x1000-32", "-Djava.awt.headless=true");

    private final Process process;
    private final long launchedAtMicros;
    private final PrintWriter commands;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Line> answers = new LinkedBlockingQueue<>();
    private final Path log;
    private final XServer xserver;
    private final double xserverCpuAtLaunch;

    private ConsoleChild(Process process, long launchedAtMicros, Path log, XServer xserver, double xserverCpuAtLaunch) {
        this.process = process;
        this.launchedAtMicros = launchedAtMicros;
        this.log = log;
        this.xserver = xserver;
        this.xserverCpuAtLaunch = xserverCpuAtLaunch;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("console-child-out").start(this::readLines);
    }

    /**
     * Starts the console as {@code launch} says, with {@code consoleArgs}, on {@code xserver} (the bench's, for
     * {@code --display xvfb}) or, when that is null, as {@code display} says: {@code monocle}, or {@code current}
     * (the DISPLAY this bench has). {@code name} names its log files in {@code workDir}.
     */
    static ConsoleChild start(ConsoleLaunch launch, String display, XServer xserver, List<String> jvmOptions,
                              List<String> consoleArgs, Path workDir, String name)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.options()); // bin/console's own
        command.addAll(List.of(
                // the console remembers its last backend in the user's preferences: not this bench's
                "-Djava.util.prefs.userRoot=" + workDir.resolve("prefs").toAbsolutePath(),
                // whether the archive was mapped (and, on a first start, written), to a file: cdsMapped()
                "-Xlog:cds=info:file=" + workDir.resolve(name + "-cds.log").toAbsolutePath(),
                "-Dprism.verbose=true")); // the log then names the rendering pipeline (pipeline())
        List<String> extraClassPath = List.of();
        if (display.equals("monocle")) {
            command.addAll(MONOCLE);
            extraClassPath = ConsoleLaunch.monocleJars();
        }
        command.addAll(jvmOptions);
        // not -jar: the probe's jar goes after console.jar (and its manifest's libs/), where the archive allows it
        command.addAll(List.of("-cp", launch.classPath(extraClassPath), "za.voelgoed.console.ConsoleBenchProbe"));
        command.addAll(consoleArgs);
        Path log = workDir.resolve(name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("VOELGOED_"));
        if (xserver != null) {
            builder.environment().put("DISPLAY", xserver.display());
        }
        double xserverCpu = xserver == null ? 0 : xserver.cpuSeconds();
        long at = ConsoleBench.nowMicros();
        return new ConsoleChild(builder.start(), at, log, xserver, xserverCpu);
    }

    /** When this bench started the console's process (epoch µs). */
    long launchedAtMicros() {
        return launchedAtMicros;
    }

    Path log() {
        return log;
    }

    /** The rendering pipeline the console's log names (Prism's verbose lines), or "unknown". */
    String pipeline() {
        try (var all = Files.lines(log, StandardCharsets.UTF_8)) {
            return all.filter(l -> l.contains("Initialized prism pipeline") || l.contains("Prism pipeline name"))
                    .map(String::strip).reduce((a, b) -> b).orElse("unknown");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "unknown";
        }
    }

    /** Which class-data-sharing archives the JVM mapped, from its -Xlog:cds file beside the log, in words. */
    String archivesMapped() {
        Path cdsLog = log.resolveSibling(log.getFileName().toString().replace(".log", "-cds.log"));
        try {
            List<String> lines = Files.readAllLines(cdsLog, StandardCharsets.UTF_8);
            boolean built = lines.stream().anyMatch(l -> l.contains("Opened shared archive file")
                    && l.contains("/console.jsa")) && lines.stream().anyMatch(l -> l.matches(".*Mapped static +region.*"));
            boolean layer = lines.stream().anyMatch(l -> l.contains("Mapped dynamic region"));
            return built ? (layer ? "build's archive + layer" : "build's archive only")
                    : layer ? "per-user archive" : "no archive";
        } catch (IOException e) {
            return "no archive";
        }
    }

    /**
     * Asks the console to exit and waits until its process has ended, as a user closing it would: the JVM
     * writes its class-data-sharing archive on the way out. Returns how long the exit took (ms).
     */
    long exitNormally(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        commands.println("EXIT");
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the console did not exit within " + timeout.toSeconds() + " s; see "
                    + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the console exited with " + process.exitValue() + "; see " + log);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Every probe line of {@code kind} so far, oldest first. */
    List<Line> lines(String kind) {
        return lines.stream().filter(l -> l.kind().equals(kind)).toList();
    }

    /** Waits for the first line of {@code kind}; fails when the console died or after {@code timeout}. */
    Line await(String kind, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Line line : lines) {
                if (line.kind().equals(kind)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the console exited (" + process.exitValue() + ") before " + kind
                        + "; see " + log);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no " + kind + " from the console within " + timeout.toSeconds()
                + " s; see " + log);
    }

    /** Sends {@code command} and waits for the answer whose kind is {@code answerKind}. */
    Line ask(String command, String answerKind, Duration timeout) throws InterruptedException {
        answers.clear();
        commands.println(command);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Line answer = answers.poll(Math.min(200_000_000L, Math.max(1, deadline - System.nanoTime())),
                    TimeUnit.NANOSECONDS);
            if (answer != null && answer.kind().equals(answerKind)) {
                return answer;
            }
            if (answer == null && !process.isAlive()) {
                throw new IllegalStateException("the console exited (" + process.exitValue() + ") before it answered "
                        + command + "; see " + log);
            }
            if (answer == null && System.nanoTime() >= deadline) {
                throw new IllegalStateException("no " + answerKind + " answer to " + command + " within "
                        + timeout.toSeconds() + " s; see " + log);
            }
        }
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String text;
            while ((text = in.readLine()) != null) {
                // another writer on the console's stdout (-Djavafx.pulseLogger=true) may put a probe line mid-line
                int probe = text.indexOf("PROBE ");
                if (probe != 0) {
                    out.write(probe < 0 ? text : text.substring(0, probe));
                    out.newLine();
                    out.flush();
                }
                if (probe < 0) {
                    continue;
                }
                String[] words = text.substring(probe).split(" ", -1);
                Line line = new Line(words[1], Long.parseLong(words[2]),
                        List.of(words).subList(3, words.length));
                lines.add(line);
                if (line.kind().equals("GAPS") || line.kind().equals("HEAP")) {
                    answers.add(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the console is gone; await() and ask() say so
        }
    }

    /** CPU seconds the console (and what it started) used so far, and its X server since the console's launch. */
    double cpuSeconds() {
        double console = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum() / 1e9;
        return console + (xserver == null ? 0 : xserver.cpuSeconds() - xserverCpuAtLaunch);
    }

    /** Asks the console to exit, then ends its process and anything it started. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        if (process.isAlive()) {
            commands.println("EXIT");
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        tree.forEach(p -> p.onExit().completeOnTimeout(p, 5, TimeUnit.SECONDS).join());
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}

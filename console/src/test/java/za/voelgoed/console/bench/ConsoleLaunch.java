package za.voelgoed.console.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How the bench starts the console: as a user does ({@code bin/console}: {@code console.jar} with its
 * {@code libs/}, the JVM options of {@code bin/lib/console-jvm.sh}, read from that script itself), with the
 * probe in a small jar of its own put at the END of the class path. The class-data-sharing archive records
 * the class path it was written with and is mapped only when the class path at run time starts with it, so
 * an archive written by a user's start serves the bench's and the other way round; the probe's few classes
 * are loaded from its jar. The archive lives under this bench's own cache directory, not the user's.
 *
 * @param jar      console.jar (absolute; the archive records the path)
 * @param probeJar the probe's classes from the test classes
 * @param cache    what bin/console calls VOELGOED_CACHE: the archive (cds/) and JavaFX's native libraries
 * @param cds      on (as a user), or user / off: VOELGOED_CONSOLE_CDS=user (not the build's archive) or off, to
 *                 compare
 */
record ConsoleLaunch(Path root, Path jar, Path probeJar, Path cache, String cds) {

    /** The probe's classes (test classes, not in console.jar); everything else comes from console.jar. */
    private static final List<String> PROBE_CLASSES = List.of("ConsoleBenchProbe", "FxHeartbeat", "PulseGaps");

    /**
     * {@code root} is the repository (bin/bench passes it as {@code -Dvoelgoed.root}); the probe jar is
     * written under {@code workDir} from {@code target/test-classes}.
     */
    static ConsoleLaunch prepare(Path workDir, String cds) throws IOException {
        Path root = Path.of(System.getProperty("voelgoed.root", "..")).toRealPath();
        Path jar = root.resolve("console/target/console.jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(root.resolve("console/target/libs"))) {
            throw new IllegalStateException(jar + " or its libs/ is missing: bin/bench builds them (mvn package)");
        }
        Files.createDirectories(workDir);
        Path probe = workDir.resolve("console-bench-probe.jar").toAbsolutePath();
        writeProbeJar(root.resolve("console/target/test-classes/za/voelgoed/console"), probe);
        return new ConsoleLaunch(root, jar, probe, workDir.resolve("cache").toAbsolutePath(), cds);
    }

    /** The per-user archive bin/lib/console-jvm.sh names (the last of its layers), or none (sharing off). */
    Path archive() throws IOException, InterruptedException {
        List<String> layers = archiveLayers();
        return layers.isEmpty() ? null : Path.of(layers.getLast());
    }

    /** The base archive mvn package wrote beside console.jar, when bin/lib/console-jvm.sh puts it under the other. */
    Path builtBase() throws IOException, InterruptedException {
        List<String> layers = archiveLayers();
        return layers.size() == 2 ? Path.of(layers.getFirst()) : null;
    }

    private List<String> archiveLayers() throws IOException, InterruptedException {
        return options().stream().filter(o -> o.startsWith("-XX:SharedArchiveFile="))
                .map(o -> List.of(o.substring("-XX:SharedArchiveFile=".length()).split(java.io.File.pathSeparator)))
                .findFirst().orElse(List.of());
    }

    /** Removes every per-user archive of this bench's cache: the next start is a user's first. */
    void forgetArchives() throws IOException {
        Path dir = cache.resolve("cds");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    /** The JVM options bin/console would use, from bin/lib/console-jvm.sh itself (run with bash). */
    List<String> options() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("bin/lib/console-jvm.sh").toString(),
                jar.toString()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().keySet().removeIf(key -> key.startsWith("VOELGOED_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("VOELGOED_CACHE", cache.toString());
        if (!cds.equals("on")) {
            builder.environment().put("VOELGOED_CONSOLE_CDS", cds);
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("bin/lib/console-jvm.sh failed (" + p.exitValue() + ")");
        }
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    /** console.jar, then the probe, then {@code extra} (Monocle's jar for a headless run): in that order. */
    String classPath(List<String> extra) {
        List<String> entries = new ArrayList<>(List.of(jar.toString(), probeJar.toString()));
        entries.addAll(extra);
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Monocle's jar from this bench's class path (the test scope has it; console.jar's libs/ do not). */
    static List<String> monocleJars() {
        return Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> e.contains("openjfx-monocle")).toList();
    }

    private static void writeProbeJar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> all = Files.list(classes)) {
            List<Path> picked = all.filter(f -> PROBE_CLASSES.stream().anyMatch(c -> {
                String name = f.getFileName().toString();
                return name.equals(c + ".class") || name.startsWith(c + "$");
            })).sorted().toList();
            if (picked.size() < PROBE_CLASSES.size()) {
                throw new IllegalStateException("the probe's classes are not all in " + classes + ": " + picked);
            }
            for (Path f : picked) {
                out.putNextEntry(new JarEntry("za/voelgoed/console/" + f.getFileName()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}

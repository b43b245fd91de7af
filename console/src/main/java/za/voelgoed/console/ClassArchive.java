package za.voelgoed.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The console's class-data-sharing archive, written at build time ({@code mvn package}, ADR 0029) so that a
 * user's FIRST start maps one too, not only the starts after one that wrote a per-user archive at its exit.
 *
 * <p>{@code java -cp console.jar za.voelgoed.console.ClassArchive build} runs two JVMs on the same class path:
 * one loads (without initialising) every class of {@code console.jar} and of the jars its manifest names and
 * lists them with the JDK's classes it needed ({@code -XX:DumpLoadedClassList}); the other writes a static
 * archive of that list ({@code -Xshare:dump}) to {@code console.jsa} beside the jar, in place of the JDK's own
 * base archive. Beside it goes {@code console.jsa.stamp}: the size and time of every jar and of the JDK's module
 * image it was written from. {@code bin/lib/console-jvm.sh} uses it only while every stamp line still holds for
 * the JDK it runs with, as the base under the per-user archive, which then holds only what a real run adds (lambda
 * classes, JDK classes the list missed). Classes of other operating systems' windowing and rendering code are
 * left out: they never load here.
 */
public final class ClassArchive {

    static final String ARCHIVE = "console.jsa";
    static final String STAMP = ARCHIVE + ".stamp";
    /** How long the listing and the dump may each take. */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
    /** A static archive's magic (0xf00baba2), little-endian on disk: a dump cut short leaves zeros. */
    private static final int STATIC_MAGIC = 0xf00baba2;
    private static final List<String> OTHER_PLATFORMS = List.of("/win/", "/mac/", "/ios/", "/android/", "/d3d/",
            "/directwrite/", "/coretext/");

    private ClassArchive() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length >= 1 ? args[0] : "";
        switch (args.length <= 2 ? mode : "") {
            case "build" -> System.exit(build(System.out, args.length == 2 ? args[1] : null));
            case "load" -> System.exit(loadAll(System.out));
            default -> {
                System.err.println("usage: java -cp console.jar " + ClassArchive.class.getName() + " build [MONOCLE_JAR]");
                System.exit(2);
            }
        }
    }

    /**
     * Writes console.jsa and its stamp beside console.jar; 0 when both are there. With Monocle's jar (the test
     * scope has it) the list also gets what a headless training start of the console loads ({@link Training}).
     */
    static int build(PrintStream out, String monocleJar) throws IOException, InterruptedException,
            URISyntaxException {
        Path jar = ownJar();
        Path dir = jar.getParent();
        Path archive = dir.resolve(ARCHIVE);
        Path stamp = dir.resolve(STAMP);
        Path partial = dir.resolve(ARCHIVE + ".partial");
        Path classList = dir.resolve(ARCHIVE + ".classlist");
        Path log = dir.resolve(ARCHIVE + ".log");
        for (Path old : List.of(stamp, archive, partial, classList)) {
            Files.deleteIfExists(old);
        }
        long started = System.nanoTime();
        // 1. which classes: a JVM that loads every class of the jars lists them, the JDK's own among them
        if (!run(out, jar, "-XX:DumpLoadedClassList=" + classList, "-cp", jar.toString(), ClassArchive.class.getName(),
                "load")) {
            out.println("class-data archive: listing the classes failed; none written");
            return 1;
        }
        // 2. what a start really runs: JDK classes, lambda proxies and lambda forms the loading alone never makes
        Path dumped = Training.addTo(out, jar, classList, monocleJar);
        // 3. the static archive of that list (JDK classes included); what the JVM leaves out goes to the log
        if (!run(out, jar, "-Xshare:dump", "-XX:SharedClassListFile=" + dumped, "-XX:SharedArchiveFile=" + partial,
                "-Xlog:cds*=off,aot*=off", "-Xlog:cds=warning,aot*=warning:file=" + log, "-cp", jar.toString())
                || !isWhole(partial)) {
            Files.deleteIfExists(partial);
            out.println("class-data archive: the dump failed; none written (see " + log + ")");
            return 1;
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(stamp, stampOf(jar), StandardCharsets.UTF_8);
        out.printf("class-data archive: %s, %.1f MB, written in %.1f s%n", archive, Files.size(archive) / 1e6,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /**
     * Runs this JDK's java with bin/console's module options (an archive records them and is refused under
     * others) and {@code args}; true when it exited 0 within {@link #STEP_TIMEOUT}.
     */
    private static boolean run(PrintStream out, Path jar, String... args) throws IOException, InterruptedException {
        return exitOf(out, jar, ProcessBuilder.Redirect.INHERIT, STEP_TIMEOUT, args) == 0;
    }

    /**
     * As {@link #run}, its output to {@code output}; the exit value, or -1 when it took longer than
     * {@code timeout} and was stopped.
     */
    static int exitOf(PrintStream out, Path jar, ProcessBuilder.Redirect output, Duration timeout, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(List.of(args));
        Process java = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(output).start();
        if (!java.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            java.destroyForcibly().waitFor();
            out.println("class-data archive: a step took over " + timeout.toSeconds() + " s and was stopped");
            return -1;
        }
        return java.exitValue();
    }

    /** The listing's side: loads every class it can; the JVM lists them (and the JDK's it needed) as they load. */
    static int loadAll(PrintStream out) throws IOException, URISyntaxException {
        ClassLoader loader = ClassArchive.class.getClassLoader();
        int loaded = 0;
        int refused = 0;
        for (Path jar : classPath(ownJar())) {
            for (String name : classNames(jar)) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (LinkageError | ClassNotFoundException e) {
                    // a class needing what the console leaves out (JavaFX web and media): it never loads at run time either
                    refused++;
                }
            }
        }
        out.printf("class-data archive: %d classes loaded for it, %d that cannot load left out%n", loaded, refused);
        return 0;
    }

    /** console.jar, then the jars of its manifest's Class-Path, as the JVM puts them on the class path. */
    static List<Path> classPath(Path jar) throws IOException {
        List<Path> jars = new ArrayList<>(List.of(jar));
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String entries = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (entries != null) {
                for (String entry : entries.trim().split("\\s+")) {
                    jars.add(jar.resolveSibling(entry));
                }
            }
        }
        return jars;
    }

    /** The binary names of a jar's classes, without module and package descriptors, versioned copies or other OSes'. */
    static List<String> classNames(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")
                            && !n.endsWith("package-info.class"))
                    .filter(n -> OTHER_PLATFORMS.stream().noneMatch(n::contains))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
    }

    /** "jdk|jar SIZE MTIME PATH" per line: what bin/lib/console-jvm.sh checks before it uses the archive. */
    static String stampOf(Path jar) throws IOException {
        StringBuilder stamp = new StringBuilder();
        stamp.append(line("jdk", Path.of(System.getProperty("java.home"), "lib", "modules")));
        for (Path entry : classPath(jar)) {
            stamp.append(line("jar", entry));
        }
        return stamp.toString();
    }

    private static String line(String kind, Path file) throws IOException {
        Path real = file.toRealPath();
        return kind + " " + Files.size(real) + " " + Files.getLastModifiedTime(real).to(TimeUnit.SECONDS) + " "
                + real + "\n";
    }

    private static boolean isWhole(Path archive) throws IOException {
        if (!Files.isRegularFile(archive) || Files.size(archive) < 4) {
            return false;
        }
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(archive)) {
            if (in.readNBytes(head, 0, 4) != 4) {
                return false;
            }
        }
        return ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() == STATIC_MAGIC;
    }

    private static Path ownJar() throws URISyntaxException {
        Path self = Path.of(ClassArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(self)) {
            throw new IllegalStateException("run it from console.jar, not from " + self);
        }
        return self;
    }
}

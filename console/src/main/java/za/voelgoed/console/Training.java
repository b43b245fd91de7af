package za.voelgoed.console;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The build's training start of the console, for {@link ClassArchive}: loading every class of the jars lists
 * them, but not what running the console makes and needs (JDK classes reached at run time, some 1,500 of
 * java.base alone, the HTTP client, preferences; and lambda proxies and lambda forms, which exist only once
 * code runs). Those were what the first start after a build still parsed and spun up itself.
 *
 * <p>The training start is the real console ({@link TrainingStart}: {@link ConsoleApp} with its shell open for a
 * port where nothing listens) under Monocle's headless platform (no display at build time): it starts the
 * toolkit, loads the theme, shows every page and the wall, whose reads fail and say so while the live connection
 * retries, and exits. {@code -XX:DumpLoadedClassList} records what it loaded, and {@link ClassList#merge} adds
 * that to the listing. Monocle's own classes in it are not on the console's class path: the dump leaves them out.
 * Its preferences and JavaFX's native cache go to a directory of the build, never the user's.
 */
final class Training {

    static final String LIST = ClassArchive.ARCHIVE + ".training.classlist";
    static final String MERGED = ClassArchive.ARCHIVE + ".merged.classlist";
    /** The training start shows six screens in about 4 s; one that hangs is stopped, and what it loaded is used. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Training() {
    }

    /**
     * The class list to dump: {@code listing} with what a training start added, or {@code listing} alone when
     * there is no Monocle jar to train with or the training recorded nothing.
     */
    static Path addTo(PrintStream out, Path jar, Path listing, String monocleJar)
            throws IOException, InterruptedException {
        Path dir = jar.getParent();
        Path trained = dir.resolve(LIST);
        Path merged = dir.resolve(MERGED);
        Files.deleteIfExists(trained);
        Files.deleteIfExists(merged);
        if (monocleJar == null || !Files.isRegularFile(Path.of(monocleJar))) {
            out.println("class-data archive: no Monocle jar to train with; the listing alone");
            return listing;
        }
        long started = System.nanoTime();
        Path work = dir.resolve(ClassArchive.ARCHIVE + ".training");
        Files.createDirectories(work);
        Path log = work.resolve("training.log");
        int exit = ClassArchive.exitOf(out, jar, ProcessBuilder.Redirect.to(log.toFile()), TIMEOUT,
                command(jar + java.io.File.pathSeparator + monocleJar, trained, work));
        if (!Files.isRegularFile(trained) || Files.size(trained) == 0) {
            out.println("class-data archive: the training start recorded nothing (exit " + exit + ", see " + log
                    + "); the listing alone");
            return listing;
        }
        if (exit != 0) {
            out.println("class-data archive: the training start exited " + exit + " (see " + log
                    + "); what it loaded until then is added");
        }
        List<String> first = Files.readAllLines(listing, StandardCharsets.UTF_8);
        List<String> joined = ClassList.merge(first, Files.readAllLines(trained, StandardCharsets.UTF_8));
        Files.write(merged, joined, StandardCharsets.UTF_8);
        out.printf("class-data archive: a training start (%.1f s) added %d lines to the %d of the listing%n",
                (System.nanoTime() - started) / 1e9, joined.size() - first.size(), first.size());
        return merged;
    }

    /** The training start's JVM arguments: {@code classPath} holds the console and Monocle; it writes in {@code work}. */
    static String[] command(String classPath, Path trained, Path work) throws IOException {
        return new String[] {
            "-XX:DumpLoadedClassList=" + trained,
            "-Djava.util.prefs.userRoot=" + work.resolve("prefs"),
            "-Djavafx.cachedir=" + work.resolve("openjfx"),
            "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dheadless.geometry=1600x1000-32",
            "-Dprism.order=sw", "-Djava.awt.headless=true",
            "-cp", classPath,
            TrainingStart.class.getName(), "http://127.0.0.1:" + closedPort()
        };
    }

    /** A local port nothing listens on: one the system just handed out, closed again. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

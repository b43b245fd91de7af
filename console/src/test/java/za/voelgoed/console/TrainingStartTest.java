package za.voelgoed.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's training start ({@link Training#command}, {@link TrainingStart}) as the archive step runs it, in a
 * JVM of its own under Monocle: it shows every page and the wall without a backend and exits 0 by itself, and
 * what it loaded (the list the archive is dumped from) holds each page's view and the live connection.
 */
class TrainingStartTest {

    @TempDir
    Path dir;

    @Test
    void itShowsEveryPageAndTheWallAgainstAPortWhereNothingListensAndExitsZero() throws Exception {
        Path list = dir.resolve("training.classlist");
        Path log = dir.resolve("training.log");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        String[] command = Training.command(System.getProperty("java.class.path"), list, dir);

        int exit = ClassArchive.exitOf(new PrintStream(said, true, StandardCharsets.UTF_8), dir.resolve("none.jar"),
                java.lang.ProcessBuilder.Redirect.to(log.toFile()), Training.TIMEOUT, command);

        assertThat(exit).as(Files.readString(log) + said).isZero();
        String loaded = Files.readString(list);
        // a view's class may load as soon as ConsoleApp is verified; its lambdas only once it is built and shown
        for (String view : List.of("sales/SalesView", "telemetry/TelemetryView", "dlq/DeadLetterDeskView",
                "gates/GatesView", "checkin/CheckInView", "wall/WallView")) {
            assertThat(loaded).as(view).contains("@lambda-proxy za/voelgoed/console/" + view + " ");
        }
        assertThat(loaded).contains("eu/hansolo/tilesfx/skins/TileSkin "); // the wall's tiles were skinned
        assertThat(loaded).contains("za/voelgoed/console/live/LiveConnection ");
        assertThat(dir.resolve("prefs")).isDirectory(); // its preferences went where it was told, not to the user's
    }
}

package za.voelgoed.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * TilesFX brings JavaFX 21 jars; mixed with 25 every launch fails (CONSOLE.md, pitfall 1). The console's
 * class path must hold one JavaFX version, and never javafx-web or javafx-media.
 */
class JavaFxVersionsTest {

    private static final Pattern JAVAFX_JAR = Pattern.compile("(javafx-[a-z]+)-(\\d+(?:\\.\\d+)*)(?:-[a-z0-9]+)?\\.jar$");

    @Test
    void oneJavaFxVersionAndNoWebOrMedia() {
        Set<String> versions = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(JAVAFX_JAR::matcher).filter(Matcher::find).map(m -> m.group(2)).collect(Collectors.toSet());
        Set<String> modules = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(JAVAFX_JAR::matcher).filter(Matcher::find).map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(versions).containsExactly("25.0.2");
        assertThat(modules).contains("javafx-controls", "javafx-graphics", "javafx-base")
                .doesNotContain("javafx-web", "javafx-media");
    }
}

package za.voelgoed.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build's class-data-sharing archive is made of, and when bin/lib/console-jvm.sh uses it: only while
 * every jar and the JDK are as they were when it was written; otherwise the per-user archive.
 */
class ClassArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theClassPathIsTheJarThenTheJarsItsManifestNames() throws IOException {
        Path jar = consoleJar("libs/a.jar libs/b.jar");

        assertThat(ClassArchive.classPath(jar)).containsExactly(jar, dir.resolve("libs/a.jar"), dir.resolve("libs/b.jar"));
    }

    @Test
    void classNamesLeaveOutDescriptorsVersionedCopiesAndOtherOperatingSystems() throws IOException {
        Path jar = jar(dir.resolve("mixed.jar"), null, "za/voelgoed/A.class", "za/voelgoed/A$Inner.class",
                "module-info.class", "za/voelgoed/package-info.class", "META-INF/versions/21/za/voelgoed/A.class",
                "com/sun/glass/ui/win/WinApplication.class", "com/sun/glass/ui/gtk/GtkApplication.class",
                "com/sun/prism/d3d/D3DPipeline.class", "za/voelgoed/style.css");

        assertThat(ClassArchive.classNames(jar)).containsExactly("com.sun.glass.ui.gtk.GtkApplication",
                "za.voelgoed.A", "za.voelgoed.A$Inner");
    }

    @Test
    void theScriptPutsTheBuildsArchiveUnderThePerUserLayerWhileItsStampHolds() throws Exception {
        Path jar = builtArchive();

        assertThat(jvmOptions(jar, "on")).contains("-XX:+AutoCreateSharedArchive")
                .anyMatch(o -> o.startsWith(archives(dir.resolve("console.jsa") + ":" + perUser())));
    }

    @Test
    void aJarChangedSinceTheArchiveFallsBackToThePerUserArchiveAlone() throws Exception {
        Path jar = builtArchive();
        Path lib = dir.resolve("libs/a.jar");
        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 5_000));

        assertThat(jvmOptions(jar, "on")).contains("-XX:+AutoCreateSharedArchive")
                .anyMatch(o -> o.startsWith(archives(perUser())));
    }

    @Test
    void anotherJdkFallsBackToThePerUserArchiveAlone() throws Exception {
        Path jar = builtArchive();
        String stamp = Files.readString(dir.resolve("console.jsa.stamp"));
        Files.writeString(dir.resolve("console.jsa.stamp"), stamp.replaceFirst("^jdk \\d+", "jdk 1"));

        assertThat(jvmOptions(jar, "on")).anyMatch(o -> o.startsWith(archives(perUser())));
    }

    @Test
    void theBaseIsPartOfThePerUserLayersName() throws Exception {
        Path jar = builtArchive();
        String over = archiveOption(jvmOptions(jar, "on"));
        String alone = archiveOption(jvmOptions(jar, "user"));

        assertThat(over.substring(over.indexOf(':') + 1)).isNotEqualTo(alone.substring(alone.indexOf('=') + 1));
    }

    @Test
    void userAndOffLeaveTheBuildsArchiveAlone() throws Exception {
        Path jar = builtArchive();

        assertThat(jvmOptions(jar, "user")).anyMatch(o -> o.startsWith(archives(perUser())));
        assertThat(jvmOptions(jar, "off")).noneMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
    }

    @Test
    void anArchiveWithoutItsStampIsNotUsed() throws Exception {
        Path jar = builtArchive();
        Files.delete(dir.resolve("console.jsa.stamp"));

        assertThat(jvmOptions(jar, "on")).anyMatch(o -> o.startsWith(archives(perUser())));
    }

    private static String archives(String value) {
        return "-XX:SharedArchiveFile=" + value;
    }

    private String perUser() {
        return dir.resolve("cache/cds/console-").toString();
    }

    private static String archiveOption(List<String> options) {
        return options.stream().filter(o -> o.startsWith("-XX:SharedArchiveFile=")).findFirst().orElseThrow();
    }

    /** console.jar with libs/a.jar, an archive beside it and the stamp ClassArchive writes for them. */
    private Path builtArchive() throws IOException {
        Files.createDirectories(dir.resolve("libs"));
        jar(dir.resolve("libs/a.jar"), null, "a/A.class");
        Path jar = consoleJar("libs/a.jar");
        Files.write(dir.resolve("console.jsa"), new byte[] {(byte) 0xa2, (byte) 0xab, 0x0b, (byte) 0xf0});
        Files.writeString(dir.resolve("console.jsa.stamp"), ClassArchive.stampOf(jar), StandardCharsets.UTF_8);
        return jar;
    }

    private Path consoleJar(String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        return jar(dir.resolve("console.jar"), manifest, "za/voelgoed/console/Launcher.class");
    }

    private static Path jar(Path file, Manifest manifest, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JarOutputStream jar = manifest == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest)) {
            for (String entry : entries) {
                jar.putNextEntry(new JarEntry(entry));
                jar.write(new byte[] {1, 2, 3});
                jar.closeEntry();
            }
        }
        return file;
    }

    /** What bin/lib/console-jvm.sh gives for {@code jar} with VOELGOED_CONSOLE_CDS={@code mode}, one option a line. */
    private List<String> jvmOptions(Path jar, String mode) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("..", "bin", "lib", "console-jvm.sh").toString(),
                jar.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("VOELGOED_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("VOELGOED_CACHE", dir.resolve("cache").toString());
        builder.environment().put("VOELGOED_CONSOLE_CDS", mode);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }
}

package za.voelgoed.seating.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.ClassEntry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package comment promises pure domain logic; this holds it to that. Every class the compiled model
 * refers to (its constant pools, so fully qualified names count as much as imports) is from the JDK's
 * {@code java.*} or the model itself.
 */
class SeatingModelPurityTest {

    private static final String MODEL = "za/voelgoed/seating/model/";

    @Test
    void theSeatingModelRefersToNothingButTheJdkAndItself() throws IOException, URISyntaxException {
        List<Path> classes = modelClasses();
        assertThat(classes).extracting(p -> p.getFileName().toString())
                .contains("SeatMap.class", "BestAvailable.class", "OrphanRule.class");

        Set<String> foreign = new TreeSet<>();
        for (Path file : classes) {
            for (String referenced : referencedClasses(file)) {
                if (!referenced.startsWith("java/") && !referenced.startsWith(MODEL)) {
                    foreign.add(file.getFileName() + " -> " + referenced);
                }
            }
        }
        assertThat(foreign).as("classes outside the JDK and the model").isEmpty();
    }

    private static List<Path> modelClasses() throws IOException, URISyntaxException {
        Path directory = Path.of(SeatMap.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(MODEL);
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static Set<String> referencedClasses(Path classFile) throws IOException {
        Set<String> names = new TreeSet<>();
        for (var entry : ClassFile.of().parse(Files.readAllBytes(classFile)).constantPool()) {
            if (entry instanceof ClassEntry type) {
                String name = type.asInternalName();
                // an array of a type is named "[Lpkg/Type;": the element type is what counts; one of a
                // primitive ("[I") refers to no class
                String element = name.replaceFirst("^\\[+L", "").replace(";", "");
                if (!element.startsWith("[")) {
                    names.add(element);
                }
            }
        }
        return names;
    }
}

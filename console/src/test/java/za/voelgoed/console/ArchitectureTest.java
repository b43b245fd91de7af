package za.voelgoed.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The console's layering: ViewModels hold no scene nodes; the API and live layers know nothing of JavaFX. */
class ArchitectureTest {

    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("za.voelgoed.console");

    @Test
    void theRulesSeeTheClassesTheyJudge() {
        // a rule over an empty import passes whatever the code does
        assertThat(CONSOLE.stream().filter(c -> c.getPackageName().endsWith(".viewmodel")).count()).isGreaterThan(5);
        assertThat(CONSOLE.stream().anyMatch(c -> c.getName().endsWith(".live.LiveConnection"))).isTrue();
    }

    @Test
    void viewModelsHoldNoSceneNodes() {
        noClasses().that().resideInAPackage("..viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "eu.hansolo..", "atlantafx..", "org.kordamp..")
                .check(CONSOLE);
    }

    @Test
    void theApiAndLiveLayersKnowNothingOfJavaFx() {
        noClasses().that().resideInAnyPackage("za.voelgoed.console.api..", "za.voelgoed.console.live..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CONSOLE);
    }

    @Test
    void viewModelsDoNotReachIntoViews() {
        noClasses().that().resideInAPackage("..viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("za.voelgoed.console.ui..",
                        "za.voelgoed.console.shell", "za.voelgoed.console.sales", "za.voelgoed.console.telemetry",
                        "za.voelgoed.console.dlq", "za.voelgoed.console.wall")
                .check(CONSOLE);
    }
}

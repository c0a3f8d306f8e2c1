package io.crmkit.samples;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module arrows of ARCHITECTURE.md true across every module on this module's class path
 * (samples depends on all of them, so it sees them all). Layers that do not exist yet are optional,
 * so each rule starts to bite the day its module appears.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.crmkit");
    }

    @Test
    void everyExistingModuleIsImported() {
        // An empty import would make every rule below pass vacuously.
        for (String module : List.of("io.crmkit.core", "io.crmkit.spi", "io.crmkit.tck", "io.crmkit.rules", "io.crmkit.samples")) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(module)))
                    .as("classes of %s are imported", module)
                    .isTrue();
        }
    }

    @Test
    void modulesDependOnlyDownTheLayers() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("core").definedBy("io.crmkit.core..")
                .layer("spi").definedBy("io.crmkit.spi..")
                .layer("tck").definedBy("io.crmkit.tck..")
                .layer("rules").definedBy("io.crmkit.rules..")
                .layer("jdbc").definedBy("io.crmkit.jdbc..")
                .layer("test").definedBy("io.crmkit.test..")
                .layer("samples").definedBy("io.crmkit.samples..")
                .whereLayer("samples").mayNotBeAccessedByAnyLayer()
                .whereLayer("test").mayOnlyBeAccessedByLayers("samples")
                .whereLayer("jdbc").mayOnlyBeAccessedByLayers("samples")
                .whereLayer("rules").mayOnlyBeAccessedByLayers("test", "samples")
                .whereLayer("tck").mayNotBeAccessedByAnyLayer()
                .whereLayer("spi").mayOnlyBeAccessedByLayers("tck", "rules", "jdbc", "test", "samples")
                .whereLayer("core").mayOnlyBeAccessedByLayers("spi", "tck", "rules", "jdbc", "test", "samples")
                .because("ARCHITECTURE.md fixes the arrows: samples -> rules/jdbc -> spi -> core; tck -> spi")
                .check(classes);
    }

    @Test
    void onlyTheLibraryItselfUsesInternalPackages() {
        noClasses()
                .that().resideInAPackage("io.crmkit.samples..")
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .because("internal packages are free to change; host code (which samples stand for) must not import them")
                .check(classes);
    }
}

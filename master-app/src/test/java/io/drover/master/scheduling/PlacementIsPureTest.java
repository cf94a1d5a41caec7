package io.drover.master.scheduling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md §7.3 rule 1 for the placement (issue 14): a pure function over immutable records, free of Spring, the
 * network, files, the clock and the master's mutable state, so it can be tested as tables and benchmarked alone.
 */
class PlacementIsPureTest {

    private static final JavaClasses PLACEMENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.drover.master.scheduling.placement");

    @Test
    void placementDependsOnNoFrameworkNoIoAndNoOtherPartOfTheMaster() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "java.net..", "java.nio.file..", "java.io..", "java.time..", "io.drover.master.state..",
                        "io.drover.master.dispatch..", "io.drover.master.api..", "io.drover.master.config..")
                .check(PLACEMENT);
    }

    @Test
    void theRoundReadsTheStateButNeverTheStoreOrTheNetwork() {
        noClasses().that().resideInAPackage("io.drover.master.scheduling").and().haveSimpleNameNotEndingWith("Service")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.net..",
                        "io.drover.master.state.machine..", "io.drover.master.dispatch..", "io.drover.master.state")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.drover.master.scheduling"));
    }
}

package io.drover.worker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The worker's shape (STYLE.md §7.3), kept by the build. */
class WorkerArchitectureTest {

    private static final JavaClasses WORKER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.drover.worker");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.drover.worker.(**)").should().beFreeOfCycles().check(WORKER);
    }

    @Test
    void theWorkerNeverDependsOnTheMaster() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.drover.master..").check(WORKER);
    }
}

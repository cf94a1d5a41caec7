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

    /** A page controller says so ({@link io.drover.server.web.PageController}), so only pages get the layout's model. */
    @Test
    void controllersAreEitherPagesOrRest() {
        noClasses().should().beAnnotatedWith(org.springframework.stereotype.Controller.class)
                .because("pages are @PageController and the API @RestController: plain @Controller would leave a page"
                        + " without the layout's model")
                .check(WORKER);
    }
}

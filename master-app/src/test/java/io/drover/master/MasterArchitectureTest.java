package io.drover.master;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape STYLE.md §7.3 asks for, kept by the build (STYLE.md §9 "Rules the build enforces"). */
class MasterArchitectureTest {

    private static final JavaClasses MASTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.drover.master");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.drover.master.(**)").should().beFreeOfCycles().check(MASTER);
    }

    @Test
    void theStateMachineAndPlacementArePure() {
        noClasses().that().resideInAnyPackage("..master.state.machine..", "..master.state.model..",
                        "..master.scheduling.placement..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                        "java.net..", "java.nio.file..", "java.io..", "tools.jackson..", "org.rocksdb..",
                        "org.apache.curator..", "org.apache.zookeeper..", "..master.persistence..",
                        "..master.dispatch..", "..master.api..", "..master.web..", "..master.ha..",
                        "..master.config..")
                .check(MASTER);
    }

    /** Settings may name placement's own value types (a worker selection policy): placement depends on nothing. */
    @Test
    void configurationDependsOnNoFeatureOfTheMaster() {
        noClasses().that().resideInAPackage("..master.config..")
                .should().dependOnClassesThat().resideInAnyPackage("..master.state..", "..master.api..",
                        "..master.ha..", "..master.persistence..", "io.drover.master.scheduling", "..master.web..",
                        "..master.events..", "..master.dispatch..", "..master.metrics..", "..master.history..")
                .check(MASTER);
    }

    @Test
    void storageEnginesKnowNothingOfTheState() {
        noClasses().that().resideInAPackage("..master.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..master.state..", "..protocol..")
                .check(MASTER);
    }

    @Test
    void onlyTheStoreAndTheStateItselfTouchTheMachine() {
        noClasses().that().resideOutsideOfPackages("..master.state..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "io.drover.master.state.machine.MasterState")
                .check(MASTER);
    }

    /** A page controller says so ({@link io.drover.server.web.PageController}), so only pages get the layout's model. */
    @Test
    void controllersAreEitherPagesOrRest() {
        noClasses().should().beAnnotatedWith(org.springframework.stereotype.Controller.class)
                .because("pages are @PageController and the API @RestController: plain @Controller would leave a page"
                        + " without the layout's model")
                .check(MASTER);
    }
}

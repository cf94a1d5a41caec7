package io.drover.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The wire protocol is plain Java: no Spring, servlet or I/O types cross it (STYLE.md §7.1). */
class ProtocolArchitectureTest {

    private static final JavaClasses PROTOCOL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.drover.protocol");

    @Test
    void protocolRecordsDependOnNoFrameworkOrIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                "tools.jackson..", "java.nio.file..", "java.net.http..", "io.drover.master..", "io.drover.worker..")
                .check(PROTOCOL);
    }
}

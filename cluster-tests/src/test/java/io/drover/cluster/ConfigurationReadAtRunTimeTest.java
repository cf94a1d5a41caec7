package io.drover.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;

/**
 * The daemons start from the bean definitions Spring AOT generated when their jars were built (bin/ scripts),
 * where every condition was decided with the build's configuration: a bean that depends on a setting through a
 * condition would ignore the operator's value. Such a switch is read when the bean runs instead
 * (SparkRestConnector).
 */
class ConfigurationReadAtRunTimeTest {

    private static final JavaClasses DAEMONS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.drover.master", "io.drover.worker", "io.drover.server");
    private static final List<Class<? extends Annotation>> READ_CONFIGURATION = List.of(ConditionalOnProperty.class,
            ConditionalOnBooleanProperty.class, ConditionalOnExpression.class, Profile.class);

    @Test
    void noBeanClassIsConditionalOnConfiguration() {
        for (Class<? extends Annotation> condition : READ_CONFIGURATION) {
            noClasses().should().beAnnotatedWith(condition).because("Spring AOT decides it at build time")
                    .check(DAEMONS);
        }
    }

    @Test
    void noBeanMethodIsConditionalOnConfiguration() {
        for (Class<? extends Annotation> condition : READ_CONFIGURATION) {
            noMethods().should().beAnnotatedWith(condition).because("Spring AOT decides it at build time")
                    .check(DAEMONS);
        }
    }
}

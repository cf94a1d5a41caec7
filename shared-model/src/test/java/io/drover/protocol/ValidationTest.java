package io.drover.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.RegisterWorker;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final CommandSpec TRUE = CommandSpec.executable("/bin/true", List.of());

    private static Set<String> violatedPaths(Object bean) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(bean);
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    @Test
    void aWellFormedSubmissionIsValid() {
        assertThat(violatedPaths(new SubmitDriverRequest("demo", "https://example.org/a.jar", TRUE, 1, 64L, false)))
                .isEmpty();
    }

    @Test
    void aSubmissionNeedsACommand() {
        assertThat(violatedPaths(new SubmitDriverRequest("demo", null, null, 1, 64L, false))).containsExactly("command");
    }

    @Test
    void aCommandNamesExactlyOneProgram() {
        CommandSpec both = new CommandSpec("demo.Main", null, null, "/bin/true", null, null);
        CommandSpec neither = new CommandSpec(null, null, null, null, List.of("x"), null);

        assertThat(violatedPaths(both)).containsExactly("exactlyOneProgram");
        assertThat(violatedPaths(neither)).containsExactly("exactlyOneProgram");
    }

    @Test
    void sizesMustBePositive() {
        assertThat(violatedPaths(new SubmitDriverRequest("demo", null, TRUE, 0, -1L, false)))
                .containsExactlyInAnyOrder("cores", "memoryMb");
    }

    @Test
    void queuesPrioritiesAndResourcesAreChecked() {
        assertThat(violatedPaths(new SubmitDriverRequest("demo", null, TRUE, 1, 64L, false, "no spaces", 5000,
                Map.of("GPU", 1, "fpga", 0)))).containsExactlyInAnyOrder("queue", "priority",
                "resources<K>[GPU].<map key>", "resources[fpga].<map value>");
    }

    @Test
    void workerResourcesNeedAddressesWithoutCommas() {
        RegisterWorker worker = new RegisterWorker("worker-20261122080000-h-1", "h", 1, "http://h:1", 1, 1, 0,
                List.of(), List.of(), null, null, Map.of("gpu", List.of("0,1")), Map.of(), null);

        assertThat(violatedPaths(worker)).hasSize(1).allMatch(path -> path.startsWith("resources[gpu]"));
    }

    @Test
    void appResourceSchemesAreFileAndHttpOnly() {
        assertThat(violatedPaths(new SubmitDriverRequest("demo", "ftp://host/a.jar", TRUE, 1, 64L, false)))
                .containsExactly("appResource");
    }

    @Test
    void environmentNamesAreValidated() {
        CommandSpec bad = TRUE.withEnvironment(Map.of("NOT A NAME", "x"));

        assertThat(violatedPaths(bad)).hasSize(1).allMatch(path -> path.startsWith("environment"));
    }

    @Test
    void nullArgumentsAreNamedNotThrown() {
        CommandSpec withNull = CommandSpec.executable("/bin/echo", Arrays.asList("a", null));

        assertThat(violatedPaths(withNull)).hasSize(1).allMatch(path -> path.startsWith("arguments"));
    }

    @Test
    void aMainClassMustLookLikeOne() {
        assertThat(violatedPaths(CommandSpec.jvm("not a class", List.of(), List.of()))).containsExactly("mainClass");
    }

    @Test
    void namesMayNotCarryControlCharacters() {
        assertThat(violatedPaths(new SubmitDriverRequest("bad\u0007name", null, TRUE, 1, 64L, false)))
                .containsExactly("name");
    }

    @Test
    void argumentsMayNotCarryANulButMayCarryNewlines() {
        assertThat(violatedPaths(CommandSpec.executable("/bin/sh", List.of("-c", "echo a\necho b")))).isEmpty();
        assertThat(violatedPaths(CommandSpec.executable("/bin/echo", List.of("a\u0000b"))))
                .hasSize(1).allMatch(path -> path.startsWith("arguments"));
    }

    @Test
    void anExecutableMayNotCarryControlCharacters() {
        assertThat(violatedPaths(CommandSpec.executable("/bin/true\n", List.of()))).containsExactly("executable");
    }

    @Test
    void theWholeEnvironmentIsBounded() {
        Map<String, String> environment = new java.util.HashMap<>();
        for (int i = 0; i < 3; i++) {
            environment.put("BIG_" + i, "x".repeat(60_000));
        }

        assertThat(violatedPaths(TRUE.withEnvironment(environment))).containsExactly("environmentWithinLimit");
    }

    @Test
    void theArgumentsAreBoundedAltogether() {
        List<String> arguments = java.util.Collections.nCopies(9, "y".repeat(130_000));

        assertThat(violatedPaths(CommandSpec.executable("/bin/echo", arguments))).containsExactly("argumentsWithinLimit");
    }

    @Test
    void anAppResourceWithSpacesIsRefused() {
        assertThat(violatedPaths(new SubmitDriverRequest("demo", "file:/tmp/a b.jar", TRUE, 1, 64L, false)))
                .containsExactly("appResource");
    }
}

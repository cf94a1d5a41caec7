package io.drover.protocol.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What to run: a JVM program ({@code mainClass} with {@code classpath} and {@code javaOptions}) or a plain
 * {@code executable}, exactly one of the two, plus {@code arguments} and {@code environment}. The worker
 * turns a JVM command into {@code java -Xmx<memoryMb>m <javaOptions> -cp <classpath> <mainClass> <arguments>}.
 *
 * <p>Missing lists and maps read as empty. Null elements are kept so that validation can name them
 * instead of failing inside the JSON reader.
 */
public record CommandSpec(
        @Size(max = 512) @Pattern(regexp = JAVA_CLASS_NAME, message = "must be a Java class name") String mainClass,
        @Size(max = 1000) List<@NotNull @Size(max = 4096) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String> classpath,
        @Size(max = 1000) List<@NotNull @Size(max = 32768) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String> javaOptions,
        @Size(min = 1, max = 4096) @Pattern(regexp = NO_CONTROL, message = NO_CONTROL_MESSAGE) String executable,
        @Size(max = 10000) List<@NotNull @Size(max = 131072) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String> arguments,
        @Size(max = 1000) Map<@NotNull @Pattern(regexp = ENV_NAME, message = "must be an environment variable name") String,
                @NotNull @Size(max = 131072) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String> environment) {

    public static final String JAVA_CLASS_NAME = "[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*";
    public static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";
    /** No control characters at all: for names, paths and URLs. */
    public static final String NO_CONTROL = "[^\\p{Cntrl}]*";
    public static final String NO_CONTROL_MESSAGE = "must not contain control characters";
    /** A process argument or environment value cannot carry a NUL; other characters (newlines) are fine. */
    public static final String NO_NUL = "[^\\x00]*";
    public static final String NO_NUL_MESSAGE = "must not contain NUL characters";
    /** What a command's arguments and options may add up to, below Linux's usual argument-space limit. */
    public static final int MAX_TOTAL_ARGUMENT_CHARS = 1 << 20;
    /** What its environment may add up to, names and values. */
    public static final int MAX_TOTAL_ENVIRONMENT_CHARS = 128 * 1024;

    public CommandSpec {
        classpath = copy(classpath);
        javaOptions = copy(javaOptions);
        arguments = copy(arguments);
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    public static CommandSpec executable(String executable, List<String> arguments) {
        return new CommandSpec(null, null, null, executable, arguments, null);
    }

    public static CommandSpec jvm(String mainClass, List<String> classpath, List<String> arguments) {
        return new CommandSpec(mainClass, classpath, null, null, arguments, null);
    }

    public CommandSpec withEnvironment(Map<String, String> environment) {
        return new CommandSpec(mainClass, classpath, javaOptions, executable, arguments, environment);
    }

    @JsonIgnore
    public boolean isJvm() {
        return mainClass != null;
    }

    /**
     * Whether the command names {@code {{SPARK_CLASSPATH}}} anywhere: only a worker with Spark can run it, so
     * the master places it on such a worker alone.
     */
    @JsonIgnore
    public boolean needsSpark() {
        String token = Placeholder.SPARK_CLASSPATH.token();
        return Stream.of(classpath, javaOptions, arguments, environment.values())
                .flatMap(java.util.Collection::stream)
                .anyMatch(text -> text != null && text.contains(token));
    }

    /** Bean Validation reads this as the property {@code exactlyOneProgram}. */
    @JsonIgnore
    @AssertTrue(message = "exactly one of mainClass and executable must be set")
    public boolean isExactlyOneProgram() {
        return (mainClass == null) != (executable == null);
    }

    /** Bean Validation reads this as the property {@code argumentsWithinLimit}. */
    @JsonIgnore
    @AssertTrue(message = "arguments, javaOptions and classpath must add up to at most " + MAX_TOTAL_ARGUMENT_CHARS
            + " characters")
    public boolean isArgumentsWithinLimit() {
        return total(arguments) + total(javaOptions) + total(classpath) <= MAX_TOTAL_ARGUMENT_CHARS;
    }

    /** Bean Validation reads this as the property {@code environmentWithinLimit}. */
    @JsonIgnore
    @AssertTrue(message = "environment names and values must add up to at most " + MAX_TOTAL_ENVIRONMENT_CHARS
            + " characters")
    public boolean isEnvironmentWithinLimit() {
        long sum = 0;
        for (Map.Entry<String, String> e : environment.entrySet()) {
            sum += length(e.getKey()) + length(e.getValue());
        }
        return sum <= MAX_TOTAL_ENVIRONMENT_CHARS;
    }

    private static long total(List<String> list) {
        return list.stream().mapToLong(CommandSpec::length).sum();
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}

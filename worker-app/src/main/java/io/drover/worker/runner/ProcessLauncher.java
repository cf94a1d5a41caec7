package io.drover.worker.runner;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The seam over {@link ProcessBuilder}: starts a {@link LaunchPlan} with stdout and stderr appended to its
 * files, so a supervised restart keeps the earlier output. Every start first writes one header line to
 * stderr with the command, its secrets redacted and never the environment, so a log shows what ran.
 */
@Component
class ProcessLauncher {

    /** {@code -Dpassword=x}, {@code --api-token=x}, {@code SECRET_KEY=x}: keep the name, hide the value. */
    private static final Pattern SECRET_ASSIGNMENT =
            Pattern.compile("(?i)^([^=]*(?:passw|secret|token|credential|api[-_.]?key|private[-_.]?key)[^=]*=).+$");
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[^A-Za-z0-9_./:=@%+,-]");

    private final Clock clock;
    private final Timer launches;

    ProcessLauncher(Clock clock) {
        this.clock = clock;
        this.launches = null;
    }

    @Autowired
    ProcessLauncher(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.launches = Timer.builder("drover.worker.process.launch")
                .description("Time to start a driver's or executor's process (fork and exec)").register(registry);
    }

    Process start(LaunchPlan plan) throws IOException {
        if (launches == null) {
            return launch(plan);
        }
        long started = System.nanoTime();
        try {
            return launch(plan);
        } finally {
            launches.record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Process launch(LaunchPlan plan) throws IOException {
        Files.createDirectories(plan.dir());
        appendLine(plan, "[drover " + clock.instant() + "] starting: " + redactedCommandLine(plan.argv()));
        ProcessBuilder builder = new ProcessBuilder(plan.argv())
                .directory(plan.dir().toFile())
                .redirectOutput(Redirect.appendTo(plan.stdout().toFile()))
                .redirectError(Redirect.appendTo(plan.stderr().toFile()));
        builder.environment().clear();
        builder.environment().putAll(plan.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            appendLine(plan, "[drover " + clock.instant() + "] could not start: " + e.getMessage());
            throw e;
        }
        // Nobody writes to the child's stdin: close it so a program that reads it sees EOF instead of hanging.
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The caller never learns of this process, so it must not outlive the failed start.
            ProcessTree.terminate(process, Duration.ZERO);
            throw e;
        }
        return process;
    }

    static String redactedCommandLine(List<String> argv) {
        return argv.stream().map(ProcessLauncher::redact).map(ProcessLauncher::quote).collect(Collectors.joining(" "));
    }

    private static String redact(String argument) {
        Matcher matcher = SECRET_ASSIGNMENT.matcher(argument);
        return matcher.matches() ? matcher.group(1) + "***" : argument;
    }

    private static String quote(String argument) {
        if (!argument.isEmpty() && !NEEDS_QUOTES.matcher(argument).find()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    private static void appendLine(LaunchPlan plan, String line) throws IOException {
        Files.writeString(plan.stderr(), line.replace('\n', ' ') + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

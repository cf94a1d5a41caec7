package io.drover.worker.runner;

import io.drover.worker.isolation.Confinement;
import io.drover.worker.logs.LogPumps;
import io.drover.worker.support.NamedThreads;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The seam over {@link ProcessBuilder}: starts a {@link LaunchPlan}, wrapped by its {@link Confinement}, with
 * stdout and stderr appended to its files, so a supervised restart keeps the earlier output. Every start first
 * writes one header line to stderr with the command, its secrets redacted and never the environment, so a
 * log shows what ran. With logs rolling ({@link LogPumps}) the output comes through pipes the worker copies
 * into rolling files instead.
 *
 * <p>Every process is started from a fixed set of long-lived threads, {@code drover-launcher-N}: a child's
 * parent-death signal fires when the thread that started it ends, not the whole worker, so those threads must
 * live as long as the worker (issue 10, no child outlives its worker). A fixed pool never retires a thread,
 * and a task's failure stays in its future instead of killing its thread. Several, because a fork and exec
 * on a loaded machine can take tens of milliseconds, and a burst of launches must not queue behind one.
 */
@Component
class ProcessLauncher {

    /** {@code -Dpassword=x}, {@code --api-token=x}, {@code SECRET_KEY=x}: keep the name, hide the value. */
    private static final Pattern SECRET_ASSIGNMENT =
            Pattern.compile("(?i)^([^=]*(?:passw|secret|token|credential|api[-_.]?key|private[-_.]?key)[^=]*=).+$");
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[^A-Za-z0-9_./:=@%+,-]");

    private final Clock clock;
    private final Timer launches;
    /** With logs rolling, the worker copies the child's output; null or off, the child writes its files. */
    private final LogPumps pumps;
    static final int LAUNCHER_THREADS = 4;

    private final ExecutorService launcher =
            Executors.newFixedThreadPool(LAUNCHER_THREADS, NamedThreads.daemon("drover-launcher"));

    ProcessLauncher(Clock clock) {
        this(clock, (LogPumps) null);
    }

    ProcessLauncher(Clock clock, LogPumps pumps) {
        this.clock = clock;
        this.launches = null;
        this.pumps = pumps;
    }

    @Autowired
    ProcessLauncher(Clock clock, MeterRegistry registry, LogPumps pumps) {
        this.clock = clock;
        this.pumps = pumps;
        this.launches = Timer.builder("drover.worker.process.launch")
                .description("Time to start a driver's or executor's process (fork and exec)").register(registry);
    }

    Process start(LaunchPlan plan, Confinement confinement) throws IOException {
        if (launches == null) {
            return launch(plan, confinement);
        }
        long started = System.nanoTime();
        try {
            return launch(plan, confinement);
        } finally {
            launches.record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Ends the launcher threads, and with them, through their parent-death signal, any child still running. */
    @PreDestroy
    void close() {
        launcher.shutdownNow();
    }

    private Process launch(LaunchPlan plan, Confinement confinement) throws IOException {
        Files.createDirectories(plan.dir());
        String program = plan.argv().get(0);
        if (!isRunnable(program, plan.dir(), plan.environment().get("PATH"))) {
            // The wrappers would start and only the last exec fail: say it now, as a plain start would.
            String why = "Cannot run program \"" + program + "\": no such executable file";
            appendLine(plan, "[drover " + clock.instant() + "] could not start: " + why);
            throw new IOException(why);
        }
        List<String> command = confinement.prepare(plan.dir(), List.of(plan.stdout(), plan.stderr()), plan.argv());
        try {
            appendLine(plan, "[drover " + clock.instant() + "] starting: " + redactedCommandLine(plan.argv()));
            boolean pumped = pumps != null && pumps.enabled();
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(plan.dir().toFile())
                    .redirectOutput(pumped ? Redirect.PIPE : Redirect.appendTo(plan.stdout().toFile()))
                    .redirectError(pumped ? Redirect.PIPE : Redirect.appendTo(plan.stderr().toFile()));
            builder.environment().clear();
            builder.environment().putAll(plan.environment());
            Process process;
            try {
                process = onLauncherThread(builder);
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
            return pumped ? pumps.attach(process, plan.stdout(), plan.stderr()) : process;
        } catch (IOException | RuntimeException e) {
            confinement.runEnded();
            throw e;
        }
    }

    private Process onLauncherThread(ProcessBuilder builder) throws IOException {
        try {
            return launcher.submit(builder::start).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(RunMessages.describe((Exception) e.getCause()), e.getCause());
        } catch (RejectedExecutionException e) {
            throw new IOException("the worker is shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting");
        }
    }

    /** As {@code execvp} would find it: a path with a slash as it is (against the run's directory), else on the PATH. */
    static boolean isRunnable(String program, Path dir, String path) {
        if (program.contains("/")) {
            Path file = dir.resolve(program);
            return Files.isRegularFile(file) && Files.isExecutable(file);
        }
        for (String entry : (path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(":")) {
            Path file = Path.of(entry.isEmpty() ? "." : entry).resolve(program);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return true;
            }
        }
        return false;
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

    /** Never through a link: the child may have had the directory, and the worker writes as itself. */
    private static void appendLine(LaunchPlan plan, String line) throws IOException {
        Files.writeString(plan.stderr(), line.replace('\n', ' ') + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
    }
}

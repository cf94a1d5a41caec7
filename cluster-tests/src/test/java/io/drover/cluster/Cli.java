package io.drover.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code drover} command line as a user runs it: its own JVM, a child process of the test with an
 * environment the test chooses (so no developer's {@code DROVER_*} or {@code ~/.config/drover/token} leaks
 * in). Its class path is the test's, which holds the cli module's classes.
 */
final class Cli {

    record Result(int exitCode, String out, String err) {
    }

    /** A command line still running, whose output the test reads as it comes. */
    static final class Running implements AutoCloseable {

        private final Process process;
        private final Collector out;
        private final Collector err;

        private Running(Process process) {
            this.process = process;
            this.out = new Collector(process.getInputStream());
            this.err = new Collector(process.getErrorStream());
        }

        String outSoFar() {
            return out.text();
        }

        Result await(Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("drover did not end within " + timeout + "; out: " + out.text() + " err: " + err.text());
            }
            out.join();
            err.join();
            return new Result(process.exitValue(), out.text(), err.text());
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private final Map<String, String> environment;
    private final Path home;

    Cli(Path home, Map<String, String> environment) {
        this.home = home;
        this.environment = Map.copyOf(environment);
    }

    Result run(String... args) throws InterruptedException {
        return start(args).await(Duration.ofSeconds(60));
    }

    Running start(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "io.drover.cli.Drover"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("DROVER_"));
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(environment);
        try {
            return new Running(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one of the child's streams on its own thread, so a full pipe never blocks it. */
    private static final class Collector extends Thread {

        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Collector(InputStream in) {
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (bytes) {
                        bytes.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // The process went away; what was read stays.
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}

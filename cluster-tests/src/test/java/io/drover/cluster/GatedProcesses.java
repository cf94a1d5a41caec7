package io.drover.cluster;

import io.drover.protocol.command.CommandSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Drivers and executors that write one line when they start and then wait for a gate file: they run exactly
 * as long as a test wants, cost no CPU while they wait, and leave a record of every start, so a process
 * started twice shows up as an id on two lines.
 */
final class GatedProcesses {

    private final Path gate;
    private final Path starts;

    /**
     * In a directory of its own under {@code dir} that every uid may write: under process isolation (the default
     * as root) each child runs as a uid of its own and appends its start to the record there.
     */
    GatedProcesses(Path dir) {
        try {
            Path shared = Files.createDirectories(dir.resolve("gated"));
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
            this.gate = shared.resolve("gate");
            this.starts = Files.createFile(shared.resolve("starts"));
            Files.setPosixFilePermissions(starts, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A driver: its start is recorded under its driver id. */
    CommandSpec driver() {
        return command("$DROVER_DRIVER_ID");
    }

    /** An executor: its start is recorded as {@code <appId>/<executorId>}. */
    CommandSpec executor() {
        return command("$DROVER_APP_ID/$DROVER_EXECUTOR_ID");
    }

    private CommandSpec command(String id) {
        return CommandSpec.executable("/bin/sh", List.of("-c",
                "echo \"" + id + " $$\" >> \"$STARTS\"; while [ ! -e \"$GATE\" ]; do sleep 0.2; done"))
                .withEnvironment(Map.of("GATE", gate.toString(), "STARTS", starts.toString()));
    }

    /** Lets every waiting process, and every one started later, end with exit code 0. */
    void open() {
        try {
            Files.createFile(gate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many times each id was started. */
    Map<String, Long> startCounts() {
        try {
            if (!Files.exists(starts)) {
                return Map.of();
            }
            return Files.readAllLines(starts, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                    .map(line -> line.substring(0, line.indexOf(' ')))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * When the kernel started process {@code pid} (field 22 of {@code /proc/<pid>/stat}, in clock ticks since
     * boot); empty when there is no such process, or only its zombie. A pid that comes back with the same start time is the same
     * process, not a new one that happens to reuse the number.
     */
    static OptionalLong kernelStartTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return fields[0].equals("Z") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[19]));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}

package io.drover.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the kernel says of a process: CPU time from {@code /proc/<pid>/stat} (user + system, in clock ticks
 * of 1/100 s on Linux) and resident memory from {@code /proc/<pid>/status}.
 */
public final class ProcessStats {

    /** {@code sysconf(_SC_CLK_TCK)}, 100 on every Linux the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessStats() {
    }

    /** CPU seconds the process has used so far, its threads included. */
    public static double cpuSeconds(long pid) {
        return ticks(pid, 11, 12) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds of the process's children it has waited for (their own waited-for children included): for a
     * worker, the launch wrappers and the programs they ran.
     */
    public static double waitedForChildrenCpuSeconds(long pid) {
        return ticks(pid, 13, 14) / TICKS_PER_SECOND;
    }

    private static long ticks(long pid, int user, int system) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name (field 2) may hold spaces; fields are counted from after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[user]) + Long.parseLong(fields[system]);
    }

    /** Resident set size in MiB (VmRSS). */
    public static double rssMb(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.drover.worker.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A process's resident set size from Linux's {@code /proc/<pid>/status}; empty elsewhere or once it is gone. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    static OptionalLong bytesOf(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process ended between listing and reading: no row for it.
        }
        return OptionalLong.empty();
    }
}

package io.drover.worker.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this worker runs as: {@code /proc/self} belongs to the process's effective uid. */
public final class RunningUser {

    private RunningUser() {
    }

    public static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | RuntimeException e) {
            return false; // not Linux: no isolation to offer anyway
        }
    }
}

package io.drover.worker.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Exactly what to start: the argument vector (no shell in between), the complete environment, the
 * working directory and the two log files.
 */
record LaunchPlan(List<String> argv, Map<String, String> environment, Path dir, Path stdout, Path stderr) {

    LaunchPlan {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }
}

package io.drover.worker.runner;

import io.drover.protocol.command.Placeholder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a plan needs besides the command, alike for drivers and executors: the app resource in the run's
 * own directory, and the placeholder values that say where the process runs and with what. The ids that
 * name the process are the runner's to add.
 */
final class LaunchInputs {

    private LaunchInputs() {
    }

    /** @return the local copy, or null when the description names no app resource */
    static Path fetchAppResource(RunnerContext context, String url, Path dir) throws IOException {
        return url == null || url.isBlank() ? null : context.fetcher().fetch(url, dir);
    }

    static Map<Placeholder, String> values(LaunchSite site, int cores, long memoryMb, Path appResource) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.CORES, Integer.toString(cores));
        values.put(Placeholder.MEMORY_MB, Long.toString(memoryMb));
        values.put(Placeholder.WORKER_URL, site.workerUrl());
        values.put(Placeholder.HOSTNAME, site.hostname());
        values.put(Placeholder.APP_RESOURCE, appResource == null ? null : appResource.toString());
        return values;
    }
}

package io.drover.cluster;

import io.drover.protocol.api.LocalExecutorView;
import io.drover.protocol.api.WorkerStatus;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/** Reads a worker's own view of itself ({@code GET /api/v1/worker}), to find the processes it runs. */
final class WorkerProbe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WorkerProbe() {
    }

    static WorkerStatus status(String workerUrl) {
        try {
            HttpResponse<String> response = HTTP.send(Credentials.authorized(workerUrl + "/api/v1/worker")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readValue(response.body(), WorkerStatus.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Long> executorPids(String workerUrl) {
        return status(workerUrl).runningExecutors().stream().map(LocalExecutorView::pid).filter(Objects::nonNull)
                .toList();
    }

    /** The pid of a running driver's program as its worker sees it; null while it has none. */
    static Long driverPid(String workerUrl, String driverId) {
        return status(workerUrl).runningDrivers().stream().filter(d -> d.driverId().equals(driverId))
                .map(io.drover.protocol.api.LocalDriverView::pid).filter(Objects::nonNull).findFirst().orElse(null);
    }

    static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}

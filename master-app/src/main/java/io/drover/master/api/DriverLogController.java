package io.drover.master.api;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.Paths;
import io.drover.protocol.api.LogStream;
import io.drover.server.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * {@code GET /api/v1/drivers/{id}/logs/{stdout|stderr}}: a byte range of a driver's log, fetched from the
 * worker it runs or ran on. The master keeps no logs; it only knows where they are.
 */
@RestController
class DriverLogController {

    private final ClusterStateStore store;
    private final RestClient workers;

    DriverLogController(ClusterStateStore store, RestClient workerRestClient) {
        this.store = store;
        this.workers = workerRestClient;
    }

    @GetMapping(Paths.DRIVER_LOG)
    ResponseEntity<byte[]> log(@PathVariable String driverId, @PathVariable String stream,
            @RequestParam(required = false) Long offset, @RequestParam(required = false) Long length) {
        LogStream logStream = LogStream.fromPath(stream).orElseThrow(
                () -> ApiException.badRequest("stream: '" + stream + "' is not stdout or stderr"));
        if (length != null && length < 0) {
            throw ApiException.badRequest("length: must not be negative");
        }
        ClusterSnapshot snapshot = store.snapshot();
        DriverEntry driver = DriverController.find(snapshot, driverId);
        String workerId = driver.workerId() != null ? driver.workerId() : driver.lastWorkerId();
        if (workerId == null) {
            throw ApiException.conflict("driver " + driverId + " has not been placed on a worker yet; it has no logs");
        }
        WorkerEntry worker = snapshot.worker(workerId).orElseThrow(() -> ApiException.conflict(
                "driver " + driverId + " ran on worker " + workerId + ", which the master has forgotten"));
        if (!worker.mayRunWork()) {
            throw ApiException.badGateway("driver " + driverId + " ran on worker " + workerId + ", which is "
                    + worker.state() + "; its logs are out of reach");
        }
        return fetch(worker, driverId, logStream, offset, length);
    }

    private ResponseEntity<byte[]> fetch(WorkerEntry worker, String driverId, LogStream stream, Long offset,
            Long length) {
        try {
            ResponseEntity<byte[]> answer = workers.get()
                    .uri(worker.url() + Paths.WORKER_DRIVER_LOG + query(offset, length), driverId, stream.fileName())
                    .retrieve()
                    .toEntity(byte[].class);
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8));
            copy(answer.getHeaders(), headers, Paths.LOG_OFFSET_HEADER);
            copy(answer.getHeaders(), headers, Paths.LOG_FILE_LENGTH_HEADER);
            byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody();
            return ResponseEntity.ok().headers(headers).body(body);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw ApiException.notFound("driver " + driverId + " has no " + stream.fileName() + " on worker "
                        + worker.workerId() + " (it may not have started yet)");
            }
            throw ApiException.badGateway("worker " + worker.workerId() + " answered " + e.getStatusCode().value()
                    + " for the log");
        } catch (RestClientException e) {
            throw ApiException.badGateway("worker " + worker.workerId() + " did not answer: " + e.getMessage());
        }
    }

    private static String query(Long offset, Long length) {
        StringBuilder query = new StringBuilder();
        if (offset != null) {
            query.append("?offset=").append(offset);
        }
        if (length != null) {
            query.append(query.isEmpty() ? "?" : "&").append("length=").append(length);
        }
        return query.toString();
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String name) {
        String value = from.getFirst(name);
        if (value != null) {
            to.set(name, value);
        }
    }
}

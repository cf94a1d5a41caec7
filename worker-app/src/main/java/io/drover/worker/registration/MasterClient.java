package io.drover.worker.registration;

import io.drover.protocol.Paths;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.internal.WorkerDecommissioning;
import io.drover.protocol.internal.WorkerLeaving;
import java.net.URI;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The worker's calls to a master's {@code /internal/v1}. The master is named per call because the worker
 * may move between masters (failover). Errors surface as {@link RestClientException}: a 409 as
 * {@code HttpClientErrorException.Conflict}, an unreachable master as {@code ResourceAccessException}.
 */
@Component
public class MasterClient {

    private final RestClient http;

    MasterClient(@Qualifier("masterRestClient") RestClient http) {
        this.http = http;
    }

    RegisterWorkerReply register(String masterUrl, RegisterWorker body) {
        RegisterWorkerReply reply = post(uri(masterUrl, Paths.INTERNAL_WORKERS), body, RegisterWorkerReply.class);
        if (reply == null) {
            throw new RestClientException("empty registration reply");
        }
        return reply;
    }

    HeartbeatReply heartbeat(String masterUrl, String workerId, Heartbeat body) {
        HeartbeatReply reply = post(uri(masterUrl, Paths.INTERNAL_HEARTBEAT, workerId), body, HeartbeatReply.class);
        return reply == null ? HeartbeatReply.OK : reply;
    }

    public void statesChanged(String masterUrl, String workerId, StateReports body) {
        send(uri(masterUrl, Paths.INTERNAL_STATES, workerId), body);
    }

    void leave(String masterUrl, String workerId, WorkerLeaving body) {
        send(uri(masterUrl, Paths.INTERNAL_LEAVE, workerId), body);
    }

    /** The worker decommissions itself (SIGPWR, or SIGTERM with {@code decommission-on-term}). */
    public void decommissioning(String masterUrl, String workerId, WorkerDecommissioning body) {
        send(uri(masterUrl, Paths.INTERNAL_DECOMMISSIONING, workerId), body);
    }

    private void send(URI uri, Object body) {
        http.post().uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    private <T> T post(URI uri, Object body, Class<T> replyType) {
        return http.post().uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(replyType);
    }

    /**
     * A log-friendly reason for a failed call: the root cause, since "I/O error on POST request" says
     * nothing and a refused connection has no message of its own.
     */
    public static String describe(Throwable failure) {
        if (failure instanceof RestClientResponseException response) {
            return "HTTP " + response.getStatusCode().value();
        }
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "cannot connect";
            }
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
            root = t;
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** A configured URL may end with a slash or carry a path prefix (a proxy); the protocol path goes after it. */
    static URI uri(String masterUrl, String path, Object... variables) {
        String base = masterUrl.endsWith("/") ? masterUrl.substring(0, masterUrl.length() - 1) : masterUrl;
        return UriComponentsBuilder.fromUriString(base + path).buildAndExpand(variables).encode().toUri();
    }
}

package io.drover.master.api;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.state.machine.CommandRejected;
import io.drover.protocol.state.MasterStatus;
import io.drover.server.ApiException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How request threads talk to the state store: send a command, wait (bounded) until it is applied and
 * durable, and turn a refusal into the matching HTTP problem.
 */
@Component
public class Commands {

    private static final long TIMEOUT_SECONDS = 10;
    /** Recovery takes seconds at most; a client that comes back after one usually finds it done. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ClusterStateStore store;

    Commands(ClusterStateStore store) {
        this.store = store;
    }

    public <R> R call(Command<R> command) {
        try {
            return store.submit(command).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CommandRejected rejected) {
                throw toApi(rejected);
            }
            throw new IllegalStateException("command failed", e.getCause());
        } catch (TimeoutException e) {
            throw ApiException.unavailable("the master is too busy to answer in time; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted");
        }
    }

    /**
     * A master that is not ALIVE answers 503 with {@code Retry-After}, its state as {@code masterStatus} and,
     * when it knows one, the leader's URL as {@code leader}: clients with several master URLs go there.
     */
    public static ApiException toApi(CommandRejected rejected) {
        return switch (rejected.reason()) {
            case INVALID -> new ApiException(HttpStatus.BAD_REQUEST, rejected.getMessage());
            case NOT_FOUND -> new ApiException(HttpStatus.NOT_FOUND, rejected.getMessage());
            case CONFLICT -> new ApiException(HttpStatus.CONFLICT, rejected.getMessage());
            case NOT_ALIVE -> notLeading(rejected.getMessage(), rejected.masterStatus(), rejected.leaderUrl());
            case TOO_MANY -> new ApiException(HttpStatus.TOO_MANY_REQUESTS, rejected.getMessage());
        };
    }

    /** The 503 of a master that cannot act now (standby, recovering, stepping down). */
    public static ApiException notLeading(String detail, MasterStatus status, String leaderUrl) {
        return ApiException.unavailable(detail).retryAfter(RETRY_AFTER)
                .with("masterStatus", status == null ? null : status.name())
                .with("leader", leaderUrl);
    }
}

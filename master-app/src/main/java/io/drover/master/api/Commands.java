package io.drover.master.api;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.state.machine.CommandRejected;
import io.drover.server.ApiException;
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

    static ApiException toApi(CommandRejected rejected) {
        HttpStatus status = switch (rejected.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_ALIVE -> HttpStatus.SERVICE_UNAVAILABLE;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        return new ApiException(status, rejected.getMessage());
    }
}

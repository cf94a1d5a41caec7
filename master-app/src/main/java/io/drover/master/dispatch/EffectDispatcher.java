package io.drover.master.dispatch;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.state.machine.Effect;
import io.drover.protocol.Paths;
import io.drover.protocol.internal.LaunchExecutor;
import io.drover.protocol.internal.LaunchRefusal;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Performs the send effects of the state machine: the calls to workers. They run on this pool, never on
 * the state store's thread, each with the worker client's timeouts; what goes wrong comes back to the
 * store as a command ({@link Command.LaunchFailedCommand}), never as an exception into the state. A
 * master-changed notice that is lost costs nothing: the worker finds the leader when its heartbeats fail,
 * and recovery waits for it until {@code recovery-timeout}.
 */
@Component
class EffectDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EffectDispatcher.class);

    private final ClusterStateStore store;
    private final RestClient workers;
    private final ExecutorService pool;

    EffectDispatcher(ClusterStateStore store, RestClient workerRestClient) {
        this.store = store;
        this.workers = workerRestClient;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "drover-dispatch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
        store.route(Effect.SendLaunchDriver.class, launch -> pool.execute(() -> launch(launch)));
        store.route(Effect.SendKillDriver.class, kill -> pool.execute(() -> kill(kill)));
        store.route(Effect.SendLaunchExecutor.class, launch -> pool.execute(() -> launchExecutor(launch)));
        store.route(Effect.SendKillExecutor.class, kill -> pool.execute(() -> call(
                kill.workerUrl() + Paths.INTERNAL_KILL_EXECUTOR, kill.message(),
                "kill executor " + kill.appId() + "/" + kill.executorId(), kill.appId(), kill.executorId())));
        store.route(Effect.SendApplicationFinished.class, finished -> pool.execute(() -> call(
                finished.workerUrl() + Paths.INTERNAL_APPLICATION_FINISHED, finished.message(),
                "application " + finished.appId() + " finished", finished.appId())));
        store.route(Effect.SendDecommissionWorker.class, notice -> pool.execute(() -> call(
                notice.workerUrl() + Paths.INTERNAL_DECOMMISSION_WORKER, notice.message(),
                "the decommission of worker " + notice.workerId())));
        store.route(Effect.SendMasterChanged.class, changed -> pool.execute(() -> call(
                changed.workerUrl() + Paths.INTERNAL_MASTER_CHANGED, changed.message(),
                "the master change to worker " + changed.workerId())));
    }

    private void launch(Effect.SendLaunchDriver launch) {
        String driverId = launch.message().driverId();
        try {
            workers.post().uri(launch.workerUrl() + Paths.INTERNAL_LAUNCH_DRIVER)
                    .body(launch.message())
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            String refusal = refusal(e);
            if (refusal != null) {
                store.submit(new Command.LaunchRefusedCommand(launch.workerId(), driverId, null, null, refusal));
                return;
            }
            log.warn("Launching driver {} on {} failed: {}", driverId, launch.workerId(), e.getMessage());
            store.submit(new Command.LaunchFailedCommand(driverId, launch.workerId(), describe(e)));
        }
    }

    private void kill(Effect.SendKillDriver kill) {
        try {
            workers.post().uri(kill.workerUrl() + Paths.INTERNAL_KILL_DRIVER, kill.driverId())
                    .body(kill.message())
                    .retrieve()
                    .toBodilessEntity();
        } catch (HttpClientErrorException.NotFound e) {
            // The worker no longer runs it; its next heartbeat inventory settles the driver's state.
            log.info("Worker {} does not run driver {} any more", kill.workerId(), kill.driverId());
        } catch (RestClientException e) {
            log.warn("Killing driver {} on {} failed: {}", kill.driverId(), kill.workerId(), e.getMessage());
        }
    }

    private void launchExecutor(Effect.SendLaunchExecutor launch) {
        LaunchExecutor message = launch.message();
        try {
            workers.post().uri(launch.workerUrl() + Paths.INTERNAL_LAUNCH_EXECUTOR)
                    .body(message)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            String refusal = refusal(e);
            if (refusal != null) {
                store.submit(new Command.LaunchRefusedCommand(launch.workerId(), null, message.appId(),
                        message.executorId(), refusal));
                return;
            }
            log.warn("Launching executor {}/{} on {} failed: {}", message.appId(), message.executorId(),
                    launch.workerId(), e.getMessage());
            store.submit(new Command.LaunchExecutorFailedCommand(message.appId(), message.executorId(),
                    launch.workerId(), describe(e)));
        }
    }

    /** A notice to a worker whose loss is harmless: heartbeat inventories settle whatever it missed. */
    private void call(String url, Object body, String what, Object... uriVariables) {
        try {
            workers.post().uri(url, uriVariables).body(body).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.NotFound e) {
            log.debug("Worker had nothing to do for {}", what);
        } catch (RestClientException e) {
            log.warn("Telling a worker about {} failed: {}", what, e.getMessage());
        }
    }

    /**
     * The worker's reason when it refused the launch for want of room ({@code 409} naming a
     * {@link LaunchRefusal}), or null for any other failure.
     */
    private static String refusal(RestClientException e) {
        if (!(e instanceof HttpClientErrorException.Conflict conflict)) {
            return null;
        }
        try {
            Map<?, ?> problem = conflict.getResponseBodyAs(Map.class);
            if (problem == null || !LaunchRefusal.NO_ROOM.name().equals(problem.get(LaunchRefusal.MEMBER))) {
                return null;
            }
            return problem.get("detail") instanceof String detail ? detail : "no room";
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String describe(RestClientException e) {
        if (e instanceof RestClientResponseException http) {
            return "the worker answered " + http.getStatusCode().value();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}

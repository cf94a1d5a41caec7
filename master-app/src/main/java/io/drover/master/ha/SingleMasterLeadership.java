package io.drover.master.ha;

import io.drover.master.state.ClusterStateStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery modes LOCAL and NONE: one master, which leads as soon as it has read its store. It reads it
 * before its inbox takes the first command, so an unreadable store stops the start with its message. If a
 * write fails later the master steps down, and tries every few seconds to read its store again and lead.
 */
final class SingleMasterLeadership implements Leadership {

    static final Duration RETRY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SingleMasterLeadership.class);

    private final ClusterStateStore store;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drover-leadership");
        t.setDaemon(true);
        return t;
    });

    SingleMasterLeadership(ClusterStateStore store) {
        this.store = store;
    }

    @Override
    public void begin() {
        store.onStoreFailure(reason -> retryLater());
        store.start(true);
    }

    private void retryLater() {
        retries.schedule(() -> store.takeOver().whenComplete((done, failure) -> {
            if (failure != null) {
                log.error("Could not read the master's state again from {}: {}; trying again in {} s",
                        store.storeDescription(), failure.getMessage(), RETRY.toSeconds());
                retryLater();
            }
        }), RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}

package io.drover.master.ha;

import io.drover.master.config.MasterAddress;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.leader.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery mode ZOOKEEPER: masters elect their leader with Curator's {@link LeaderLatch} under
 * {@code <dir>/leader}, each taking part under its own URL, so standbys can tell callers where the leader is.
 * The winner takes the store over and recovers; a leader that loses its latch (its session suspended or
 * lost, which Curator treats as losing leadership) steps down at once and acts no more. A leader whose
 * store write fails also steps down, and gives up its latch so another master can lead; it joins the
 * election again afterwards.
 */
final class ZooKeeperLeadership implements Leadership {

    /** How often a master looks at who leads, to tell its callers. */
    static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ZooKeeperLeadership.class);

    private final CuratorFramework client;
    private final String latchPath;
    private final ClusterStateStore store;
    private final MasterAddress address;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drover-leadership");
        t.setDaemon(true);
        return t;
    });
    private volatile LeaderLatch latch;
    private volatile String observedLeader;
    private volatile boolean closed;

    ZooKeeperLeadership(CuratorFramework client, String dir, ClusterStateStore store, MasterAddress address) {
        this.client = client;
        this.latchPath = (dir.equals("/") ? "" : dir) + "/leader";
        this.store = store;
        this.address = address;
    }

    @Override
    public void begin() {
        store.onStoreFailure(reason -> timer.execute(this::rejoin));
        store.start(false);
        join();
        timer.scheduleWithFixedDelay(this::watchLeader, 0, WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void join() {
        if (closed) {
            return;
        }
        LeaderLatch candidate = new LeaderLatch(client, latchPath, address.url());
        candidate.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                log.info("Won the election under {}: taking over", latchPath);
                store.takeOver().whenComplete((done, failure) -> {
                    if (failure != null) {
                        log.error("Could not take over after winning the election: {}", failure.getMessage());
                        timer.execute(ZooKeeperLeadership.this::rejoin);
                    }
                });
            }

            @Override
            public void notLeader() {
                store.submit(new Command.StepDownCommand("this master lost its leadership in ZooKeeper"));
                forgetObservedLeader();
            }
        }, timer);
        try {
            candidate.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not join the election under " + latchPath + ": " + e, e);
        }
        latch = candidate;
    }

    /** Gives up leadership (a failed store write, or a take-over that failed) and stands again. */
    private synchronized void rejoin() {
        forgetObservedLeader();
        LeaderLatch current = latch;
        if (current != null) {
            try {
                current.close(LeaderLatch.CloseMode.NOTIFY_LEADER);
            } catch (IOException | IllegalStateException e) {
                log.debug("Closing the latch: {}", e.getMessage());
            }
        }
        join();
    }

    /**
     * Stepping down clears the leader the store knew, and a leader seen while this master still led was
     * ignored: the next look tells the store again. Runs on the timer thread, like {@link #watchLeader}.
     */
    private void forgetObservedLeader() {
        observedLeader = null;
    }

    /** Tells the standby's callers who leads; only a change is sent to the store. */
    private void watchLeader() {
        String leader = null;
        try {
            LeaderLatch current = latch;
            if (current != null) {
                Participant participant = current.getLeader();
                leader = participant.isLeader() ? participant.getId() : null;
            }
        } catch (Exception e) {
            leader = null; // no quorum or no session: nobody is known to lead
        }
        if (!Objects.equals(leader, observedLeader)) {
            observedLeader = leader;
            store.submit(new Command.LeaderObservedCommand(leader));
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        timer.shutdownNow();
        LeaderLatch current = latch;
        if (current != null) {
            try {
                current.close(LeaderLatch.CloseMode.SILENT);
            } catch (IOException | IllegalStateException e) {
                log.debug("Closing the latch: {}", e.getMessage());
            }
        }
    }
}

package io.drover.worker.registration;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Which master this worker follows, at which leader epoch, and who the worker is. Commands are obeyed
 * only from the followed master at the followed epoch, so a deposed leader cannot launch or kill anything
 * (Spark's {@code Worker.masterUrl} check, strengthened with the epoch). Epochs only grow: the worker
 * follows no master whose epoch is below the highest it has followed (fencing after a failover). Lock-free:
 * read by HTTP threads, written by the registration thread.
 */
@Component
public class MasterLink {

    /**
     * The master and epoch we follow; both are remembered while re-registering so we can try it first.
     * {@code protocolUrl} is where heartbeats and reports go: the master's internal URL, when it gave one.
     */
    private record Followed(String masterUrl, String protocolUrl, long epoch, boolean registered) {
    }

    private final AtomicReference<Followed> followed = new AtomicReference<>(new Followed(null, null, 0, false));
    private volatile WorkerIdentity identity;

    void identify(WorkerIdentity identity) {
        this.identity = identity;
    }

    /**
     * @param internalUrl the master's internal URL from its reply; null to report to {@code masterUrl}
     * @return false, changing nothing, when {@code epoch} is below one this worker has followed
     */
    boolean registered(String masterUrl, String internalUrl, long epoch) {
        Followed before = followed.get();
        if (epoch < before.epoch()) {
            return false;
        }
        followed.set(new Followed(masterUrl, internalUrl != null ? internalUrl : masterUrl, epoch, true));
        return true;
    }

    /** Whether a master at {@code epoch} would lead after the one this worker follows: a higher epoch. */
    public boolean isNewer(long epoch) {
        return epoch > followed.get().epoch();
    }

    /** Registration is under way again; the master and epoch stay as they were until a new reply. */
    void disconnected() {
        followed.updateAndGet(f -> new Followed(f.masterUrl(), f.protocolUrl(), f.epoch(), false));
    }

    /** Null until the web server listens. */
    public WorkerIdentity identity() {
        return identity;
    }

    public String workerId() {
        WorkerIdentity id = identity;
        return id == null ? null : id.workerId();
    }

    public String workerUrl() {
        WorkerIdentity id = identity;
        return id == null ? null : id.url();
    }

    public String host() {
        WorkerIdentity id = identity;
        return id == null ? null : id.host();
    }

    public boolean isRegistered() {
        return followed.get().registered();
    }

    /** The master last registered with; null before the first registration. */
    public String masterUrl() {
        return followed.get().masterUrl();
    }

    /** Where heartbeats and state reports go; null before the first registration. */
    public String protocolUrl() {
        return followed.get().protocolUrl();
    }

    public long epoch() {
        return followed.get().epoch();
    }

    /** Whether a command from {@code masterUrl} at {@code epoch} comes from the master we follow. */
    public boolean accepts(String masterUrl, long epoch) {
        Followed current = followed.get();
        return current.masterUrl() != null && current.masterUrl().equals(masterUrl) && current.epoch() == epoch;
    }
}

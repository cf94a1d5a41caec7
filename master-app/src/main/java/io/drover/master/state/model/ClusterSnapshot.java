package io.drover.master.state.model;

import io.drover.protocol.state.MasterStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The master's state as readers see it: an immutable copy published by the state store after every batch
 * of commands. Controllers, pages and metrics read it without locks and never see it change.
 *
 * @param status where the master is in its lifecycle; only an ALIVE master takes submissions
 * @param epoch the leader epoch it acts under; 0 while it has never led
 * @param leaderUrl the master that leads the cluster, when known: this one while it leads
 * @param workers every known worker, alive or dead, in registration order
 * @param drivers drivers that have not ended, in submission order
 * @param completedDrivers ended drivers still retained, oldest first
 * @param applications applications that have not ended, in registration order
 * @param completedApplications ended applications still retained, oldest first
 * @param heartbeats each worker's latest heartbeat: a live, read-only view rather than a copy, since
 *     heartbeats do not change entries (read it through {@link #lastHeartbeat(WorkerEntry)})
 * @param waiting why waiting drivers and applications wait, as the latest placement round saw it
 */
public record ClusterSnapshot(
        MasterStatus status,
        String url,
        long epoch,
        String leaderUrl,
        Map<String, WorkerEntry> workers,
        Map<String, DriverEntry> drivers,
        Map<String, DriverEntry> completedDrivers,
        Map<String, ApplicationEntry> applications,
        Map<String, ApplicationEntry> completedApplications,
        Map<String, Instant> heartbeats,
        WaitReasons waiting) {

    public ClusterSnapshot {
        heartbeats = heartbeats != null ? heartbeats : Map.of();
        waiting = waiting != null ? waiting : WaitReasons.NONE;
    }

    /** A snapshot whose workers' entries carry their own heartbeat times, before any placement round said why anything waits. */
    public ClusterSnapshot(MasterStatus status, String url, long epoch, String leaderUrl,
            Map<String, WorkerEntry> workers, Map<String, DriverEntry> drivers,
            Map<String, DriverEntry> completedDrivers, Map<String, ApplicationEntry> applications,
            Map<String, ApplicationEntry> completedApplications) {
        this(status, url, epoch, leaderUrl, workers, drivers, completedDrivers, applications, completedApplications,
                Map.of(), WaitReasons.NONE);
    }

    /** A master that leads nobody: what a standby publishes before it takes over. */
    public static ClusterSnapshot standby(MasterStatus status, String url, String leaderUrl) {
        return new ClusterSnapshot(status, url, 0, leaderUrl, Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** When the worker was last heard from: its latest heartbeat, or its (re)registration when later. */
    public Instant lastHeartbeat(WorkerEntry worker) {
        return worker.lastHeardFrom(heartbeats.get(worker.workerId()));
    }

    public Optional<WorkerEntry> worker(String workerId) {
        return Optional.ofNullable(workers.get(workerId));
    }

    public Optional<ApplicationEntry> application(String appId) {
        ApplicationEntry active = applications.get(appId);
        return active != null ? Optional.of(active) : Optional.ofNullable(completedApplications.get(appId));
    }

    public Optional<DriverEntry> driver(String driverId) {
        DriverEntry active = drivers.get(driverId);
        return active != null ? Optional.of(active) : Optional.ofNullable(completedDrivers.get(driverId));
    }
}

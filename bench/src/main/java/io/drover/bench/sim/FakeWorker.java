package io.drover.bench.sim;

import io.drover.protocol.Paths;
import io.drover.protocol.internal.ChildProcess;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

/**
 * One simulated worker: what it offers, the master it follows, the drivers and executors it "runs" (nothing
 * is started: a launch becomes RUNNING at once and ends after the configured time), and the state changes
 * not yet sent, which go in one report per call as a real worker's reporter sends them.
 */
final class FakeWorker {

    final int index;
    final String workerId;
    final String url;
    final int cores;
    final long memoryMb;

    private final Map<String, Integer> executors = new LinkedHashMap<>();
    private final Map<String, Integer> drivers = new LinkedHashMap<>();
    private final List<DriverStateChanged> pendingDrivers = new ArrayList<>();
    private final List<ExecutorStateChanged> pendingExecutors = new ArrayList<>();
    private int usedCores;
    private long epoch;
    private String reportUrl;
    private long heartbeatMs;
    private boolean registered;
    private boolean reporting;
    private boolean beating;
    ScheduledFuture<?> heartbeats;

    FakeWorker(int index, String workerId, String url, int cores, long memoryMb) {
        this.index = index;
        this.workerId = workerId;
        this.url = url;
        this.cores = cores;
        this.memoryMb = memoryMb;
    }

    synchronized RegisterWorker registration(int fakePort) {
        long now = System.currentTimeMillis();
        List<ChildProcess> runningDrivers = drivers.keySet().stream()
                .map(id -> new ChildProcess(id, 1000L + index, Instant.ofEpochMilli(now), 0)).toList();
        List<ChildProcess> runningExecutors = executors.keySet().stream()
                .map(id -> new ChildProcess(id, 1000L + index, Instant.ofEpochMilli(now), 0)).toList();
        StateReports unreported = pendingDrivers.isEmpty() && pendingExecutors.isEmpty() ? null
                : new StateReports(List.copyOf(pendingDrivers), List.copyOf(pendingExecutors));
        return new RegisterWorker(workerId, "127.0.0.1", fakePort, url, cores, memoryMb, epoch, runningDrivers,
                runningExecutors, unreported, url);
    }

    synchronized void registered(long masterEpoch, String masterReportUrl, long intervalMs) {
        epoch = masterEpoch;
        reportUrl = masterReportUrl;
        heartbeatMs = intervalMs;
        registered = true;
    }

    synchronized void disconnected() {
        registered = false;
    }

    synchronized boolean isRegistered() {
        return registered;
    }

    synchronized long epoch() {
        return epoch;
    }

    synchronized long heartbeatMs() {
        return heartbeatMs;
    }

    synchronized String heartbeatUrl() {
        return reportUrl + Paths.INTERNAL_HEARTBEAT.replace("{workerId}", workerId);
    }

    synchronized String statesUrl() {
        return reportUrl + Paths.INTERNAL_STATES.replace("{workerId}", workerId);
    }

    /** The heartbeat to send now, or null while one is still under way or the worker is not registered. */
    synchronized Heartbeat startHeartbeat() {
        if (!registered || beating) {
            return null;
        }
        beating = true;
        return new Heartbeat(epoch, List.copyOf(drivers.keySet()), List.copyOf(executors.keySet()));
    }

    synchronized void heartbeatDone() {
        beating = false;
    }

    /** Takes an executor on unless it does not fit what is free; a repeated launch is accepted again. */
    synchronized boolean launchExecutor(String key, int executorCores) {
        return take(executors, key, executorCores);
    }

    synchronized boolean launchDriver(String driverId, int driverCores) {
        return take(drivers, driverId, driverCores);
    }

    private boolean take(Map<String, Integer> running, String id, int demand) {
        if (running.containsKey(id)) {
            return true;
        }
        if (usedCores + demand > cores) {
            return false;
        }
        running.put(id, demand);
        usedCores += demand;
        return true;
    }

    /** Ends an executor (freeing its cores first, as a real worker does) and queues its report. */
    synchronized boolean endExecutor(String appId, int executorId, ExecutorState state) {
        Integer held = executors.remove(Paths.executorKey(appId, executorId));
        if (held == null) {
            return false;
        }
        usedCores -= held;
        pendingExecutors.add(new ExecutorStateChanged(appId, executorId, state, state == ExecutorState.EXITED ? 0
                : null, null));
        return true;
    }

    synchronized boolean endDriver(String driverId, DriverState state) {
        Integer held = drivers.remove(driverId);
        if (held == null) {
            return false;
        }
        usedCores -= held;
        pendingDrivers.add(new DriverStateChanged(driverId, state, state == DriverState.FINISHED ? 0 : null, null,
                0));
        return true;
    }

    synchronized List<String> executorsOf(String appId) {
        return executors.keySet().stream().filter(k -> k.startsWith(appId + "/")).toList();
    }

    synchronized void queue(ExecutorStateChanged change) {
        pendingExecutors.add(change);
    }

    synchronized void queue(DriverStateChanged change) {
        pendingDrivers.add(change);
    }

    synchronized int usedCores() {
        return usedCores;
    }

    /** What to send now, or null when nothing is pending or a call is under way (it sends the rest after). */
    synchronized StateReports takeReports() {
        if (reporting || !registered || (pendingDrivers.isEmpty() && pendingExecutors.isEmpty())) {
            return null;
        }
        int drivers = Math.min(pendingDrivers.size(), 500);
        int executors = Math.min(pendingExecutors.size(), 500);
        StateReports reports = new StateReports(List.copyOf(pendingDrivers.subList(0, drivers)),
                List.copyOf(pendingExecutors.subList(0, executors)));
        pendingDrivers.subList(0, drivers).clear();
        pendingExecutors.subList(0, executors).clear();
        reporting = true;
        return reports;
    }

    /** A call ended; reports it carried that were not delivered go back to the front of the queue. */
    synchronized void reportsDone(StateReports undelivered) {
        reporting = false;
        if (undelivered != null) {
            pendingDrivers.addAll(0, undelivered.drivers());
            pendingExecutors.addAll(0, undelivered.executors());
        }
    }
}

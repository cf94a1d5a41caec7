package io.drover.master.state.storage;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.Audit;
import io.drover.master.state.model.CustomResources;
import io.drover.master.state.model.Drain;
import io.drover.master.state.model.Health;
import io.drover.master.state.model.Queueing;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.master.state.machine.IdCounters;
import io.drover.protocol.resources.ResourceAddresses;
import io.drover.protocol.resources.Resources;
import java.util.Map;
import java.util.Set;

/** Maps the in-memory entries to their stored records and back. Pure. */
final class StoredRecords {

    private static final int V = StoredRecord.CURRENT_VERSION;

    static StoredWorker of(WorkerEntry w) {
        return new StoredWorker(V, w.workerId(), w.host(), w.port(), w.url(), w.total().cores(), w.total().memoryMb(),
                w.state(), w.registeredAt(), w.deadSince(), w.protocolUrl(), w.resources().offered(), w.attributes(),
                w.drain() == null ? null : w.drain().since(), w.drain() == null ? null : w.drain().reason(), w.isolation());
    }

    static WorkerEntry entry(StoredWorker w) {
        return new WorkerEntry(w.workerId(), w.host(), w.port(), w.url(), Resources.of(w.cores(), w.memoryMb()),
                Resources.NONE, w.state(), w.registeredAt(), w.registeredAt(), w.deadSince(), Set.of(), Set.of(),
                w.protocolUrl(), CustomResources.offering(ResourceAddresses.copyOf(w.resources())), w.attributes(),
                w.drainSince() == null ? null : new Drain(w.drainSince(), w.drainReason()), Health.HEALTHY,
                w.isolation());
    }

    static StoredDriver of(DriverEntry d) {
        return new StoredDriver(V, d.driverId(), d.seq(), d.description(), d.state(), d.workerId(), d.lastWorkerId(),
                d.submittedAt(), d.launchedAt(), d.startedAt(), d.endedAt(), d.exitCode(), d.relaunches(),
                d.workerRestarts(), d.launchAttempts(), d.audit().submittedBy(), d.audit().killedBy(), d.message(),
                d.pid(), d.queueing().queue(), d.queueing().priority(), d.resourceAddresses());
    }

    static DriverEntry entry(StoredDriver d) {
        return new DriverEntry(d.driverId(), d.seq(), d.description(), d.state(), d.workerId(), d.lastWorkerId(),
                d.submittedAt(), d.launchedAt(), d.startedAt(), d.endedAt(), d.exitCode(), d.relaunches(),
                d.workerRestarts(), d.launchAttempts(), new Audit(d.submittedBy(), d.killedBy()), d.message(),
                d.pid(), Queueing.of(d.queue(), d.priority()), d.resourceAddresses());
    }

    static StoredApplication of(ApplicationEntry a) {
        return new StoredApplication(V, a.appId(), a.seq(), a.name(), a.executorCommand(), a.appResource(),
                a.coresPerExecutor(), a.memoryPerExecutorMb(), a.maxCores(), a.executorLimit(), a.driverUrl(),
                a.driverId(), a.state(), a.submittedAt(), a.endedAt(), a.message(), a.consecutiveFailures(),
                a.nextExecutorId(), a.eventSeq(), a.audit().submittedBy(), a.audit().killedBy(), a.queueing().queue(),
                a.queueing().priority(), a.resourcesPerExecutor(), a.webUiUrl());
    }

    static ApplicationEntry entry(StoredApplication a, Map<Integer, ExecutorEntry> executors) {
        return new ApplicationEntry(a.appId(), a.seq(), a.name(), a.executorCommand(), a.appResource(),
                a.coresPerExecutor(), a.memoryPerExecutorMb(), a.maxCores(), a.executorLimit(), a.driverUrl(),
                a.driverId(), a.state(), a.submittedAt(), a.endedAt(), a.message(), a.consecutiveFailures(),
                a.nextExecutorId(), a.eventSeq(), executors, new Audit(a.submittedBy(), a.killedBy()),
                Queueing.of(a.queue(), a.priority()), a.resourcesPerExecutor(), a.webUiUrl());
    }

    static StoredExecutor of(ExecutorEntry e) {
        return new StoredExecutor(V, e.appId(), e.executorId(), e.workerId(), e.cores(), e.memoryMb(), e.state(),
                e.exitCode(), e.message(), e.launchedAt(), e.runningSince(), e.endedAt(), e.pid(),
                e.resourceAddresses());
    }

    static ExecutorEntry entry(StoredExecutor e) {
        return new ExecutorEntry(e.appId(), e.executorId(), e.workerId(), e.cores(), e.memoryMb(), e.state(),
                e.exitCode(), e.message(), e.launchedAt(), e.runningSince(), e.endedAt(), e.pid(),
                e.resourceAddresses());
    }

    static StoredCounters of(IdCounters c) {
        return new StoredCounters(V, c.nextDriverNumber(), c.nextAppNumber());
    }

    static IdCounters entry(StoredCounters c) {
        return new IdCounters(c.nextDriverNumber(), c.nextAppNumber());
    }

    private StoredRecords() {
    }
}

package io.drover.master.state.machine;

import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.DriverEntry;
import io.drover.master.state.model.WorkerEntry;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.internal.MasterChanged;
import io.drover.protocol.state.MasterStatus;
import io.drover.protocol.state.WorkerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking over and stepping down (DESIGN.md §2, flow 7). A master that takes over rebuilds its state from
 * the store, marks every known worker UNKNOWN, tells each that it leads now, and waits for them to answer
 * with their inventories: whatever they report running is adopted, never killed. Recovery completes when
 * every worker has answered or after {@code recovery-timeout}; only then does the master act on what did
 * not come back.
 */
final class RecoveryHandler {

    private static final Logger log = LoggerFactory.getLogger(RecoveryHandler.class);

    private final MasterState state;
    private final MachineSettings settings;
    private final WorkerHandler workers;
    private final DriverHandler drivers;
    private final ApplicationHandler applications;

    RecoveryHandler(MasterState state, MachineSettings settings, WorkerHandler workers, DriverHandler drivers,
            ApplicationHandler applications) {
        this.state = state;
        this.settings = settings;
        this.workers = workers;
        this.drivers = drivers;
        this.applications = applications;
    }

    void takeOver(RecoveredState recovered, Instant now, List<Effect> effects) {
        state.restore(recovered);
        state.leaderUrl(state.url());
        int waiting = 0;
        for (WorkerEntry worker : List.copyOf(state.workers().values())) {
            if (worker.state() == WorkerState.ALIVE || worker.state() == WorkerState.UNKNOWN) {
                state.putWorker(worker.unknown().heartbeatAt(now));
                effects.add(new Effect.SendMasterChanged(worker.workerId(), worker.protocolUrl(),
                        new MasterChanged(state.url(), state.epoch())));
                waiting++;
            }
        }
        for (ApplicationEntry app : List.copyOf(state.activeApps().values())) {
            long seq = app.eventSeq() + 1;
            state.putApp(app.withEventSeq(seq));
            effects.add(new Effect.PublishEvent(new ApplicationEvent(ApplicationEventType.MASTER_CHANGED, seq,
                    app.appId(), null, null, "master " + state.url() + " took over at epoch " + state.epoch()),
                    false));
        }
        log.info("Took over as leader at epoch {}: {} workers to hear from, {} drivers and {} applications "
                + "not ended", state.epoch(), waiting, state.activeDrivers().size(), state.activeApps().size());
        state.status(MasterStatus.RECOVERING, now);
        if (waiting == 0) {
            complete(now, effects);
        }
    }

    /** After each answer and on the timer: completes once nobody is left to wait for, or time is up. */
    void maybeComplete(Instant now, List<Effect> effects) {
        if (state.status() != MasterStatus.RECOVERING) {
            return;
        }
        boolean allAnswered = state.unknownWorkers() == 0;
        boolean timedOut = !now.isBefore(state.recoveryStartedAt().plus(settings.recoveryTimeout()));
        if (allAnswered || timedOut) {
            complete(now, effects);
        }
    }

    private void complete(Instant now, List<Effect> effects) {
        Instant started = state.recoveryStartedAt();
        state.status(MasterStatus.COMPLETING_RECOVERY, now);
        int lost = 0;
        for (WorkerEntry worker : List.copyOf(state.workers().values())) {
            if (worker.state() == WorkerState.UNKNOWN) {
                workers.lose(worker, "it did not answer within " + seconds(settings.recoveryTimeout())
                        + " after master " + state.url() + " took over", now, effects);
                lost++;
            }
        }
        // Drivers placed on a worker the store no longer knows: nobody can report them.
        for (DriverEntry driver : List.copyOf(state.activeDrivers().values())) {
            if (driver.workerId() != null && state.worker(driver.workerId()).isEmpty()) {
                drivers.notReportedAfterTakeOver(driver, now, effects);
            }
        }
        applications.dropExecutorsOnUnknownWorkers(now, effects);
        state.status(MasterStatus.ALIVE, now);
        effects.add(new Effect.RequestSchedule());
        long ms = started == null ? 0 : Duration.between(started, now).toMillis();
        log.info("Recovery complete in {} ms: {} workers back, {} lost; {} drivers and {} applications not ended",
                ms, state.workers().values().stream().filter(WorkerEntry::isConnected).count(), lost,
                state.activeDrivers().size(), state.activeApps().size());
    }

    void stepDown(String reason, List<Effect> effects) {
        if (state.status() != MasterStatus.STANDBY) {
            log.warn("Stepping down as leader (epoch {}): {}", state.epoch(), reason);
            effects.add(new Effect.EndEventStreams(reason));
        }
        state.clear();
        state.status(MasterStatus.STANDBY, null);
        state.leaderUrl(null);
    }

    void leaderObserved(String leaderUrl) {
        if (state.status() == MasterStatus.STANDBY) {
            state.leaderUrl(leaderUrl);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() / 1000.0 + " s";
    }
}

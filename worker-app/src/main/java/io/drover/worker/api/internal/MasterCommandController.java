package io.drover.worker.api.internal;

import io.drover.protocol.Paths;
import io.drover.protocol.ids.Ids;
import io.drover.protocol.internal.ApplicationFinished;
import io.drover.protocol.internal.DecommissionWorker;
import io.drover.protocol.internal.KillDriver;
import io.drover.protocol.internal.KillExecutor;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.internal.LaunchExecutor;
import io.drover.protocol.internal.LaunchRefusal;
import io.drover.protocol.internal.MasterChanged;
import io.drover.server.ApiException;
import io.drover.worker.decommission.WorkerDecommission;
import io.drover.worker.registration.MasterLink;
import io.drover.worker.registration.RegistrationService;
import io.drover.worker.runner.RunnerRegistry;
import io.drover.protocol.ids.ExecutorIds;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The master's commands ({@code /internal/v1}). Obeyed only when they carry the URL and leader epoch of
 * the master this worker follows, so a deposed leader cannot start or stop anything (DESIGN.md §7).
 * Launches and kills are asynchronous: {@code 202} means "taken on", the outcome arrives as state reports.
 */
@RestController
class MasterCommandController {

    private static final Logger log = LoggerFactory.getLogger(MasterCommandController.class);

    private final MasterLink link;
    private final RunnerRegistry registry;
    private final RegistrationService registration;
    private final WorkerDecommission decommission;

    MasterCommandController(MasterLink link, RunnerRegistry registry, RegistrationService registration,
            WorkerDecommission decommission) {
        this.decommission = decommission;
        this.link = link;
        this.registry = registry;
        this.registration = registration;
    }

    /**
     * A master took over (DESIGN.md §2, flow 7): followed only when its epoch is higher than any this worker
     * has followed, so a deposed leader cannot pull workers back; the answer is a registration with the
     * inventory, sent on the registration thread.
     */
    @PostMapping(Paths.INTERNAL_MASTER_CHANGED)
    ResponseEntity<Void> masterChanged(@Valid @RequestBody MasterChanged message) {
        if (!link.isNewer(message.epoch())) {
            log.warn("Refused a master change to {} at epoch {}: this worker has followed epoch {}",
                    message.masterUrl(), message.epoch(), link.epoch());
            throw ApiException.forbidden("this worker has followed epoch " + link.epoch() + "; epoch "
                    + message.epoch() + " is not newer");
        }
        registration.followNewMaster(message.masterUrl(), message.epoch());
        return ResponseEntity.accepted().build();
    }

    /** An admin decommissioned this worker at the master: no new launches; leave once its drivers have ended. */
    @PostMapping(Paths.INTERNAL_DECOMMISSION_WORKER)
    ResponseEntity<Void> decommission(@Valid @RequestBody DecommissionWorker command) {
        requireFollowedMaster("decommission", command.masterUrl(), command.epoch());
        decommission.decommissioned(command.reason() == null ? "decommissioned by master " + command.masterUrl()
                : command.reason());
        return ResponseEntity.accepted().build();
    }

    @PostMapping(Paths.INTERNAL_LAUNCH_DRIVER)
    ResponseEntity<Void> launchDriver(@Valid @RequestBody LaunchDriver command) {
        requireFollowedMaster("launch driver " + command.driverId(), command.masterUrl(), command.epoch());
        String what = "driver " + command.driverId();
        switch (registry.launch(command.driverId(), command.description(), command.resourceAddresses())) {
            case SHUTTING_DOWN -> throw ApiException.unavailable("this worker is shutting down");
            case NO_ROOM -> throw noRoom(what);
            case NOT_OFFERED -> throw notOffered(what, command.resourceAddresses());
            case DECOMMISSIONING -> throw decommissioning(what);
            case ALREADY_RUNNING -> log.info("Driver {} already runs here; ignoring the repeated launch",
                    command.driverId());
            default -> log.debug("Driver {} launching", command.driverId());
        }
        return ResponseEntity.accepted().build();
    }

    @PostMapping(Paths.INTERNAL_KILL_DRIVER)
    ResponseEntity<Void> killDriver(@PathVariable String driverId, @Valid @RequestBody KillDriver command) {
        if (!Ids.isDriverId(driverId)) {
            throw ApiException.badRequest("driverId: '" + driverId + "' is not a driver id");
        }
        requireFollowedMaster("kill driver " + driverId, command.masterUrl(), command.epoch());
        if (registry.kill(driverId) == RunnerRegistry.KillOutcome.UNKNOWN) {
            throw ApiException.notFound("no driver " + driverId + " on this worker");
        }
        return ResponseEntity.accepted().build();
    }

    @PostMapping(Paths.INTERNAL_LAUNCH_EXECUTOR)
    ResponseEntity<Void> launchExecutor(@Valid @RequestBody LaunchExecutor command) {
        String key = Paths.executorKey(command.appId(), command.executorId());
        requireFollowedMaster("launch executor " + key, command.masterUrl(), command.epoch());
        switch (registry.launchExecutor(command.appId(), command.executorId(), command.description())) {
            case SHUTTING_DOWN -> throw ApiException.unavailable("this worker is shutting down");
            case APPLICATION_FINISHED -> throw ApiException.conflict(
                    "application " + command.appId() + " has already finished on this worker");
            case NO_ROOM -> throw noRoom("executor " + key);
            case NOT_OFFERED -> throw notOffered("executor " + key, command.description().resourceAddresses());
            case DECOMMISSIONING -> throw decommissioning("executor " + key);
            case ALREADY_RUNNING, ALREADY_ENDED ->
                    log.info("Executor {} already ran or runs here; ignoring the repeated launch", key);
            case STARTED -> log.debug("Executor {} launching", key);
        }
        return ResponseEntity.accepted().build();
    }

    @PostMapping(Paths.INTERNAL_KILL_EXECUTOR)
    ResponseEntity<Void> killExecutor(@PathVariable String appId, @PathVariable String executorId,
            @Valid @RequestBody KillExecutor command) {
        requireAppId(appId);
        int id = ExecutorIds.parse(executorId).orElseThrow(() ->
                ApiException.badRequest("executorId: '" + executorId + "' is not a non-negative integer"));
        String key = Paths.executorKey(appId, id);
        requireFollowedMaster("kill executor " + key, command.masterUrl(), command.epoch());
        if (registry.killExecutor(appId, id) == RunnerRegistry.KillOutcome.UNKNOWN) {
            throw ApiException.notFound("no executor " + key + " on this worker");
        }
        return ResponseEntity.accepted().build();
    }

    /** Kills what is left of the application's executors here; once they are gone, its local directory goes. */
    @PostMapping(Paths.INTERNAL_APPLICATION_FINISHED)
    ResponseEntity<Void> applicationFinished(@PathVariable String appId,
            @Valid @RequestBody ApplicationFinished command) {
        requireAppId(appId);
        requireFollowedMaster("finish application " + appId, command.masterUrl(), command.epoch());
        registry.applicationFinished(appId);
        return ResponseEntity.accepted().build();
    }

    /** 409 naming the refusal, which the master reads as "place it again", not as a failed launch. */
    private ApiException noRoom(String what) {
        return ApiException.conflict("this worker has no room for " + what + " now (free: " + registry.free() + ")")
                .with(LaunchRefusal.MEMBER, LaunchRefusal.NO_ROOM.name());
    }

    /** Addresses the master thinks are here but are not: refused like a lack of room, so it places it again. */
    private ApiException notOffered(String what, java.util.Map<String, java.util.List<String>> addresses) {
        return ApiException.conflict("this worker does not offer " + registry.notOffered(addresses)
                + ", which " + what + " was assigned").with(LaunchRefusal.MEMBER, LaunchRefusal.NO_ROOM.name());
    }

    /** A launch that crossed the decommission notice: the master places it again elsewhere. */
    private static ApiException decommissioning(String what) {
        return ApiException.conflict("this worker is being decommissioned and takes no new work such as " + what)
                .with(LaunchRefusal.MEMBER, LaunchRefusal.NO_ROOM.name());
    }

    private static void requireAppId(String appId) {
        if (!Ids.isAppId(appId)) {
            throw ApiException.badRequest("appId: '" + appId + "' is not an application id");
        }
    }

    private void requireFollowedMaster(String action, String masterUrl, long epoch) {
        if (!link.accepts(masterUrl, epoch)) {
            log.warn("Refused to {}: sent by {} at epoch {}, but this worker follows {} at epoch {}",
                    action, masterUrl, epoch, link.masterUrl(), link.epoch());
            throw ApiException.forbidden("this worker does not follow master " + masterUrl + " at epoch " + epoch);
        }
    }
}

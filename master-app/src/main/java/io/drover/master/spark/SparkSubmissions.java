package io.drover.master.spark;

import io.drover.master.api.Commands;
import io.drover.master.api.Ownership;
import io.drover.master.config.MasterAddress;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.spark.CreateSubmissionRequest;
import io.drover.protocol.spark.SubmitRestResponse;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.MasterStatus;
import io.drover.server.ApiException;
import io.drover.server.security.AuditLog;
import io.drover.server.security.DroverPrincipal;
import io.drover.server.security.Role;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Spark's six calls on Drover's drivers (a submission id is a driver id), answered as Spark's master answers
 * them ({@code Master.receiveAndReply}), standby included: while this master is not {@code ALIVE} the
 * answers start with Spark's "Current state is not alive", the words Spark's multi-master client looks for
 * before it tries the next master. Changes go through the same {@code Command}s as the public API, as the
 * configured principal with role {@code submit}, so it may see and kill only its own submissions.
 */
final class SparkSubmissions {

    /** The Spark whose protocol this is; Spark's client reads it but checks nothing against it. */
    static final String SPARK_VERSION = "4.2.0";
    private static final String NOT_ALIVE = "Current state is not alive";

    private final ClusterStateStore store;
    private final Commands commands;
    private final Validator validator;
    private final MasterAddress address;
    private final DroverPrincipal principal;
    private final List<Pattern> allowedAppResources;
    /** Ended submissions a {@code clear} forgot (Spark drops them from its master); pruned as Drover drops them. */
    private final Set<String> cleared = ConcurrentHashMap.newKeySet();

    SparkSubmissions(ClusterStateStore store, Commands commands, Validator validator, MasterAddress address,
            SparkRestProperties properties) {
        this.store = store;
        this.commands = commands;
        this.validator = validator;
        this.address = address;
        this.principal = new DroverPrincipal(properties.principal(), Role.SUBMIT, false);
        this.allowedAppResources = properties.allowedAppResources().stream().map(Pattern::compile).toList();
    }

    SparkAnswer create(CreateSubmissionRequest request, List<String> unknownFields) {
        SubmitDriverRequest driver = SparkDriverRequests.toDriver(request, droverMaster(), allowedAppResources);
        Set<ConstraintViolation<SubmitDriverRequest>> violations = validator.validate(driver);
        if (!violations.isEmpty()) {
            throw SparkRestException.malformed(violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        MasterStatus status = store.snapshot().status();
        if (status != MasterStatus.ALIVE) {
            return SparkAnswer.ok(SubmitRestResponse.created(SPARK_VERSION, null, false, notAlive(status,
                    "Can only accept driver submissions in ALIVE state."), unknownFields));
        }
        String driverId;
        try {
            driverId = commands.call(new Command.SubmitDriverCommand(driver, principal.name()));
        } catch (ApiException e) {
            return refused(e, "Can only accept driver submissions in ALIVE state.");
        }
        AuditLog.LOG.info("submit: driver {} ({}) by '{}' through Spark's REST protocol", driverId, driver.name(),
                principal.name());
        return SparkAnswer.ok(SubmitRestResponse.created(SPARK_VERSION, driverId, true,
                "Driver successfully submitted as " + driverId, unknownFields));
    }

    SparkAnswer status(String submissionId) {
        ClusterSnapshot snapshot = store.snapshot();
        if (snapshot.status() != MasterStatus.ALIVE) {
            return SparkAnswer.ok(SubmitRestResponse.status(SPARK_VERSION, submissionId, false, null, null, null,
                    "Exception from the cluster:\njava.lang.Exception: " + notAlive(snapshot.status(),
                            "Can only request driver status in ALIVE state.")));
        }
        Optional<DriverEntry> found = visible(snapshot, submissionId);
        if (found.isEmpty()) {
            return SparkAnswer.ok(SubmitRestResponse.status(SPARK_VERSION, submissionId, false, null, null, null,
                    null));
        }
        DriverEntry driver = found.get();
        String workerId = driver.workerId() != null ? driver.workerId() : driver.lastWorkerId();
        String hostPort = Optional.ofNullable(workerId).flatMap(snapshot::worker)
                .map(w -> w.host() + ":" + w.port()).orElse(null);
        String message = driver.state() == DriverState.ERROR && driver.message() != null
                ? "Exception from the cluster:\n" + driver.message() : null;
        return SparkAnswer.ok(SubmitRestResponse.status(SPARK_VERSION, submissionId, true, sparkState(driver),
                hostPort == null ? null : workerId, hostPort, message));
    }

    /**
     * Spark's master marks a driver {@code RUNNING} when it sends it to a worker; Drover says so only once the
     * worker has started it. A driver placed on a worker is therefore {@code RUNNING} to Spark's client, as it
     * would be on Spark.
     */
    private static String sparkState(DriverEntry driver) {
        if (driver.state().isWaiting() && driver.workerId() != null) {
            return DriverState.RUNNING.name();
        }
        return driver.state().name();
    }

    SparkAnswer kill(String submissionId) {
        ClusterSnapshot snapshot = store.snapshot();
        if (snapshot.status() != MasterStatus.ALIVE) {
            return SparkAnswer.ok(SubmitRestResponse.killed(SPARK_VERSION, submissionId, false,
                    notAlive(snapshot.status(), "Can only kill drivers in ALIVE state.")));
        }
        String gone = "Driver " + submissionId + " has already finished or does not exist";
        Optional<DriverEntry> driver = visible(snapshot, submissionId);
        if (driver.isEmpty() || driver.get().state().isTerminal()) {
            return SparkAnswer.ok(SubmitRestResponse.killed(SPARK_VERSION, submissionId, false, gone));
        }
        if (!Ownership.mayChange(principal, driver.get())) {
            return SparkAnswer.ok(SubmitRestResponse.killed(SPARK_VERSION, submissionId, false, "Driver "
                    + submissionId + " was not submitted through Spark's REST protocol ('" + principal.name()
                    + "' may kill only its own)"));
        }
        try {
            commands.call(new Command.KillDriverCommand(submissionId, principal.name()));
        } catch (ApiException e) {
            if (e.status().value() == 503) {
                return SparkAnswer.ok(SubmitRestResponse.killed(SPARK_VERSION, submissionId, false,
                        notAlive(store.snapshot().status(), "Can only kill drivers in ALIVE state.")));
            }
            return SparkAnswer.ok(SubmitRestResponse.killed(SPARK_VERSION, submissionId, false, gone));
        }
        AuditLog.LOG.info("kill: driver {} by '{}' through Spark's REST protocol", submissionId, principal.name());
        return SparkAnswer.ok(SubmitRestResponse.killed(SPARK_VERSION, submissionId, true,
                "Kill request for " + submissionId + " submitted"));
    }

    /** Every driver of this principal that has not ended, as Spark's master kills every driver it knows. */
    SparkAnswer killAll() {
        ClusterSnapshot snapshot = store.snapshot();
        if (snapshot.status() != MasterStatus.ALIVE) {
            return SparkAnswer.ok(SubmitRestResponse.killedAll(SPARK_VERSION, false,
                    notAlive(snapshot.status(), "Can only kill drivers in ALIVE state.")));
        }
        List<DriverEntry> active = snapshot.drivers().values().stream()
                .filter(d -> !d.state().isTerminal() && Ownership.mayChange(principal, d))
                .sorted(Comparator.comparingLong(DriverEntry::seq)).toList();
        for (DriverEntry driver : active) {
            try {
                commands.call(new Command.KillDriverCommand(driver.driverId(), principal.name()));
                AuditLog.LOG.info("kill: driver {} by '{}' through Spark's REST protocol (killall)",
                        driver.driverId(), principal.name());
            } catch (ApiException e) {
                // Ended meanwhile (409) or gone (404): nothing left to kill.
            }
        }
        return SparkAnswer.ok(SubmitRestResponse.killedAll(SPARK_VERSION, true,
                "Kill request for all drivers submitted"));
    }

    /**
     * Spark's master drops its completed drivers and applications. Drover keeps them for its own API and
     * pages ({@code retained-drivers}); this principal's ended drivers are forgotten for Spark's protocol only.
     */
    SparkAnswer clear() {
        ClusterSnapshot snapshot = store.snapshot();
        Set<String> ended = snapshot.completedDrivers().values().stream()
                .filter(d -> Ownership.mayChange(principal, d)).map(DriverEntry::driverId)
                .collect(Collectors.toSet());
        cleared.retainAll(snapshot.completedDrivers().keySet());
        cleared.addAll(ended);
        return SparkAnswer.ok(SubmitRestResponse.cleared(SPARK_VERSION, true));
    }

    /** Ready unless standby, as Spark's master answers {@code RequestReadyz}. */
    SparkAnswer readyz() {
        if (store.snapshot().status() == MasterStatus.STANDBY) {
            return new SparkAnswer(503, SubmitRestResponse.error(SPARK_VERSION, "Master is not ready."));
        }
        return SparkAnswer.ok(SubmitRestResponse.ready(SPARK_VERSION));
    }

    /** This principal's driver, unless a {@code clear} forgot it: others' drivers are not Spark's to see. */
    private Optional<DriverEntry> visible(ClusterSnapshot snapshot, String submissionId) {
        if (cleared.contains(submissionId)) {
            return Optional.empty();
        }
        return snapshot.driver(submissionId).filter(d -> Ownership.mayChange(principal, d));
    }

    private SparkAnswer refused(ApiException e, String notAliveSuffix) {
        if (e.status().value() == 503) {
            return SparkAnswer.ok(SubmitRestResponse.created(SPARK_VERSION, null, false,
                    notAlive(store.snapshot().status(), notAliveSuffix), null));
        }
        throw new SparkRestException(e.status().value(), e.getMessage());
    }

    private static String notAlive(MasterStatus status, String suffix) {
        return NOT_ALIVE + ": " + status + ". " + suffix;
    }

    /** This master as a Spark master URL for the driver: {@code drover://host:port}. */
    private String droverMaster() {
        URI url = URI.create(address.url());
        return "drover://" + url.getHost() + ":" + url.getPort();
    }
}

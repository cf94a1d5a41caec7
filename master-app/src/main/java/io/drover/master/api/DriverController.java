package io.drover.master.api;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Command;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.model.DriverEntry;
import io.drover.protocol.Paths;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.SubmitDriverResponse;
import io.drover.protocol.ids.Ids;
import io.drover.protocol.state.DriverState;
import io.drover.server.ApiException;
import io.drover.server.security.AuditLog;
import io.drover.server.security.DroverPrincipal;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public driver calls of DESIGN.md §5: submit, list, get, kill. Logs are in {@link DriverLogController}. */
@RestController
class DriverController {

    private final Commands commands;
    private final ClusterStateStore store;

    DriverController(Commands commands, ClusterStateStore store) {
        this.commands = commands;
        this.store = store;
    }

    /** {@code produces}: an Accept the answer cannot meet is refused before the driver exists. */
    @PostMapping(path = Paths.DRIVERS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmitDriverResponse> submit(@Valid @RequestBody SubmitDriverRequest request,
            @AuthenticationPrincipal DroverPrincipal caller) {
        Ownership.checkMaySubmitDrivers(caller);
        String driverId = commands.call(new Command.SubmitDriverCommand(request, caller.name()));
        AuditLog.LOG.info("submit: driver {} ({}) by '{}'", driverId, request.name(), caller.name());
        return ResponseEntity.created(URI.create(Paths.DRIVERS + "/" + driverId))
                .body(new SubmitDriverResponse(driverId));
    }

    @GetMapping(Paths.DRIVERS)
    List<DriverView> list(@RequestParam(required = false) DriverState state) {
        List<DriverView> all = ApiViews.drivers(store.snapshot());
        return state == null ? all : all.stream().filter(d -> d.state() == state).toList();
    }

    @GetMapping(Paths.DRIVER)
    DriverView get(@PathVariable String driverId) {
        ClusterSnapshot snapshot = store.snapshot();
        return ApiViews.driver(find(snapshot, driverId), snapshot);
    }

    @PostMapping(Paths.DRIVER_KILL)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void kill(@PathVariable String driverId, @AuthenticationPrincipal DroverPrincipal caller) {
        checkId(driverId);
        Ownership.checkDriver(caller, store.snapshot(), driverId);
        commands.call(new Command.KillDriverCommand(driverId, caller.name()));
        AuditLog.LOG.info("kill: driver {} by '{}'", driverId, caller.name());
    }

    static DriverEntry find(ClusterSnapshot snapshot, String driverId) {
        checkId(driverId);
        return snapshot.driver(driverId).orElseThrow(() -> ApiException.notFound("no driver " + driverId));
    }

    private static void checkId(String driverId) {
        if (!Ids.isDriverId(driverId)) {
            throw ApiException.badRequest("driverId: '" + driverId + "' is not a driver id (driver-<yyyyMMddHHmmss>-<nnnn>)");
        }
    }
}

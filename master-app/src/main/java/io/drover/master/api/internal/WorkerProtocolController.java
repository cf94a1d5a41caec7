package io.drover.master.api.internal;

import io.drover.master.api.Commands;
import io.drover.master.config.MasterAddress;
import io.drover.master.state.machine.Command;
import io.drover.protocol.Paths;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.internal.WorkerDecommissioning;
import io.drover.protocol.internal.WorkerLeaving;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The worker side of the protocol under {@code /internal/v1}: every message becomes a command. */
@RestController
class WorkerProtocolController {

    private final Commands commands;
    private final MasterAddress address;

    WorkerProtocolController(Commands commands, MasterAddress address) {
        this.commands = commands;
        this.address = address;
    }

    /** {@code produces} here and below: an Accept the answer cannot meet is refused before anything changes. */
    @PostMapping(path = Paths.INTERNAL_WORKERS, produces = MediaType.APPLICATION_JSON_VALUE)
    RegisterWorkerReply register(@Valid @RequestBody RegisterWorker message) {
        // Registration comes through the public URL a worker was configured with; from now on it heartbeats
        // and reports to the internal connector.
        return commands.call(new Command.RegisterWorkerCommand(message)).withMasterInternalUrl(address.internalUrl());
    }

    @PostMapping(path = Paths.INTERNAL_HEARTBEAT, produces = MediaType.APPLICATION_JSON_VALUE)
    HeartbeatReply heartbeat(@PathVariable String workerId, @Valid @RequestBody Heartbeat message) {
        return commands.call(new Command.HeartbeatCommand(workerId, message));
    }

    @PostMapping(Paths.INTERNAL_STATES)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void states(@PathVariable String workerId, @Valid @RequestBody StateReports reports) {
        commands.call(new Command.StatesChangedCommand(workerId, reports));
    }

    /** The worker decommissions itself (SIGPWR, or decommission-on-term). */
    @PostMapping(Paths.INTERNAL_DECOMMISSIONING)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decommissioning(@PathVariable String workerId, @Valid @RequestBody WorkerDecommissioning message) {
        commands.call(new Command.WorkerDecommissioningCommand(workerId, message));
    }

    @PostMapping(Paths.INTERNAL_LEAVE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leave(@PathVariable String workerId, @Valid @RequestBody WorkerLeaving message) {
        commands.call(new Command.WorkerLeavingCommand(workerId, message));
    }
}

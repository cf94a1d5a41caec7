package io.drover.cli;

import io.drover.protocol.state.DriverState;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drover drivers}: every driver the master knows, active ones first. */
@Command(name = "drivers",
        description = "List drivers: active ones in submission order, then ended ones, newest first.",
        footer = {"%nExamples:", "  drover drivers", "  drover drivers --state RUNNING --output json"})
final class DriversCommand extends ApiCommand {

    @Option(names = "--state", paramLabel = "STATE", description = "Only drivers in this state: ${COMPLETION-CANDIDATES}.")
    DriverState state;

    @Override
    public Integer call() {
        var drivers = state == null ? client().drivers() : client().drivers(state);
        return show(drivers, (out, list) -> Views.drivers(out, list, Instant.now()));
    }
}

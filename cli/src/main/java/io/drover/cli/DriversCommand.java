package io.drover.cli;

import io.drover.protocol.state.DriverState;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drover drivers}: every driver the master knows, active ones first. */
@Command(name = "drivers",
        description = "List drivers: active ones in submission order, then ended ones, newest first.",
        footer = {"%nExamples:", "  drover drivers", "  drover drivers --state RUNNING --output json"})
final class DriversCommand implements Callable<Integer> {

    @ParentCommand
    Drover drover;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--state", paramLabel = "STATE", description = "Only drivers in this state: ${COMPLETION-CANDIDATES}.")
    DriverState state;

    @Override
    public Integer call() {
        var client = drover.global.client();
        var drivers = state == null ? client.drivers() : client.drivers(state);
        if (drover.global.json()) {
            Output.json(spec.commandLine().getOut(), drivers);
        } else {
            Views.drivers(spec.commandLine().getOut(), drivers, Instant.now());
        }
        return 0;
    }
}

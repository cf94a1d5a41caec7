package io.drover.cli;

import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code drover status [ID]}: the cluster in a few lines, or one driver or application in detail. */
@Command(name = "status",
        description = "Show the cluster's status, or one driver's or application's.",
        footer = {"%nExamples:",
                "  drover status",
                "  drover status driver-20261122083000-0000",
                "  drover status app-20261122083000-0000 --output json"})
final class StatusCommand extends ApiCommand {

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A driver or application id.")
    String id;

    @Override
    public Integer call() {
        if (id == null) {
            return show(client().cluster(), Views::cluster);
        }
        if (Ids.isApplication(id)) {
            return show(client().application(id), (out, app) -> Views.application(out, app, Instant.now()));
        }
        return show(client().driver(id), (out, driver) -> Views.driver(out, driver, Instant.now()));
    }
}

package io.drover.cli;

import io.drover.client.DroverClient;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drover status [ID]}: the cluster in a few lines, or one driver or application in detail. */
@Command(name = "status",
        description = "Show the cluster's status, or one driver's or application's.",
        footer = {"%nExamples:",
                "  drover status",
                "  drover status driver-20261122083000-0000",
                "  drover status app-20261122083000-0000 --output json"})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Drover drover;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "A driver or application id.")
    String id;

    @Override
    public Integer call() {
        DroverClient client = drover.global.client();
        PrintWriter out = spec.commandLine().getOut();
        boolean json = drover.global.json();
        if (id == null) {
            var cluster = client.cluster();
            if (json) {
                Output.json(out, cluster);
            } else {
                Views.cluster(out, cluster);
            }
        } else if (Ids.isApplication(id)) {
            var app = client.application(id);
            if (json) {
                Output.json(out, app);
            } else {
                Views.application(out, app, Instant.now());
            }
        } else {
            var driver = client.driver(id);
            if (json) {
                Output.json(out, driver);
            } else {
                Views.driver(out, driver, Instant.now());
            }
        }
        return 0;
    }
}

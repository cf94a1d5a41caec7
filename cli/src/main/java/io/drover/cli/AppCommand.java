package io.drover.cli;

import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code drover app ID}: one application with its executors. */
@Command(name = "app",
        description = "Show one application and its executors.",
        footer = {"%nExamples:", "  drover app app-20261122083000-0000"})
final class AppCommand extends ApiCommand {

    @Parameters(paramLabel = "ID", description = "The application's id.")
    String appId;

    @Override
    public Integer call() {
        return show(client().application(appId), (out, app) -> Views.application(out, app, Instant.now()));
    }
}

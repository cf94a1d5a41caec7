package io.drover.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drover app ID}: one application with its executors. */
@Command(name = "app",
        description = "Show one application and its executors.",
        footer = {"%nExamples:", "  drover app app-20261122083000-0000"})
final class AppCommand implements Callable<Integer> {

    @ParentCommand
    Drover drover;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The application's id.")
    String appId;

    @Override
    public Integer call() {
        var app = drover.global.client().application(appId);
        if (drover.global.json()) {
            Output.json(spec.commandLine().getOut(), app);
        } else {
            Views.application(spec.commandLine().getOut(), app, Instant.now());
        }
        return 0;
    }
}

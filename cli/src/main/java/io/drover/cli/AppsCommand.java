package io.drover.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drover apps}: every application the master knows. */
@Command(name = "apps",
        description = "List applications: active ones in registration order, then ended ones, newest first.",
        footer = {"%nExamples:", "  drover apps", "  drover apps --output json"})
final class AppsCommand implements Callable<Integer> {

    @ParentCommand
    Drover drover;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var apps = drover.global.client().applications();
        if (drover.global.json()) {
            Output.json(spec.commandLine().getOut(), apps);
        } else {
            Views.applications(spec.commandLine().getOut(), apps, Instant.now());
        }
        return 0;
    }
}

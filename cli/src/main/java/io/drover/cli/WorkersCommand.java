package io.drover.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drover workers}: the workers with what they offer and use. */
@Command(name = "workers",
        description = "List workers with their cores and memory, used of offered, and last heartbeat.",
        footer = {"%nExamples:", "  drover workers", "  drover workers --output json"})
final class WorkersCommand implements Callable<Integer> {

    @ParentCommand
    Drover drover;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var workers = drover.global.client().workers();
        if (drover.global.json()) {
            Output.json(spec.commandLine().getOut(), workers);
        } else {
            Views.workers(spec.commandLine().getOut(), workers, Instant.now());
        }
        return 0;
    }
}

package io.drover.cli;

import java.time.Instant;
import picocli.CommandLine.Command;

/** {@code drover workers}: the workers with what they offer and use. */
@Command(name = "workers",
        description = "List workers with their cores and memory, used of offered, and last heartbeat.",
        footer = {"%nExamples:", "  drover workers", "  drover workers --output json"})
final class WorkersCommand extends ApiCommand {

    @Override
    public Integer call() {
        return show(client().workers(), (out, workers) -> Views.workers(out, workers, Instant.now()));
    }
}

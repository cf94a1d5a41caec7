package io.drover.cli;

import java.time.Instant;
import picocli.CommandLine.Command;

/** {@code drover apps}: every application the master knows. */
@Command(name = "apps",
        description = "List applications: active ones in registration order, then ended ones, newest first.",
        footer = {"%nExamples:", "  drover apps", "  drover apps --output json"})
final class AppsCommand extends ApiCommand {

    @Override
    public Integer call() {
        return show(client().applications(), (out, apps) -> Views.applications(out, apps, Instant.now()));
    }
}

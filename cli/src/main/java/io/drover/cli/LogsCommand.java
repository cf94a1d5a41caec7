package io.drover.cli;

import io.drover.protocol.api.LogStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover logs ID [--stderr] [-f]}: a driver's output, through its worker's log API. */
@Command(name = "logs",
        description = "Print a driver's stdout (or stderr); with -f, follow it until the driver ends.",
        footer = {"%nExamples:",
                "  drover logs driver-20261122083000-0000",
                "  drover logs -f --stderr driver-20261122083000-0000"})
final class LogsCommand extends ApiCommand {

    @Parameters(paramLabel = "ID", description = "The driver's id.")
    String driverId;

    @Option(names = "--stderr", description = "The driver's stderr instead of its stdout.")
    boolean stderr;

    @Option(names = {"-f", "--follow"}, description = "Keep printing what the log gains, until the driver has ended.")
    boolean follow;

    @Override
    public Integer call() {
        LogFollower logs = new LogFollower(client(), driverId,
                stderr ? LogStream.STDERR : LogStream.STDOUT, System.out);
        if (follow) {
            logs.follow();
        } else {
            logs.printOnce();
        }
        return 0;
    }
}

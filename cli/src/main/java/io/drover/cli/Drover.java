package io.drover.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/**
 * {@code drover}: the command line over the master's public API (issue 11), like {@code spark-submit},
 * {@code nomad} and {@code kubectl}. picocli parses, writes help and completion; every call goes through
 * the client module's {@link io.drover.client.DroverClient}, so the command line follows the leader across
 * several masters as Java callers do.
 */
@Command(name = "drover",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        usageHelpWidth = 100,
        sortOptions = false,
        description = "Submit, watch, read and kill work on a Drover cluster.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
                SubmitCommand.class, StatusCommand.class, DriversCommand.class, AppsCommand.class, AppCommand.class,
                WorkersCommand.class, KillCommand.class, LogsCommand.class, ClusterCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"%nExamples:",
                "  export DROVER_MASTER=http://127.0.0.1:8080",
                "  drover submit --name hello --wait -- /bin/echo hello",
                "  drover submit --class io.drover.examples.PiDriver --jar examples.jar \\",
                "      --follow -- 8 1000000 4",
                "  drover drivers",
                "  drover logs -f driver-20261122083000-0000",
                "  drover kill driver-20261122083000-0000",
                "  drover status driver-20261122083000-0000 --output json",
                "",
                "Master: --master URL[,URL...], else DROVER_MASTER, else http://127.0.0.1:8080.",
                "Token: --token-file FILE, else DROVER_TOKEN, else ~/.config/drover/token.",
                "",
                "Exit codes:",
                "  0  done",
                "  1  with --wait or --follow: the driver ended without an exit code (KILLED, ERROR)",
                "  2  bad usage or configuration",
                "  3  the master refused the input (400)",
                "  4  not found (404)",
                "  5  conflict (409), e.g. killing a driver that has ended",
                "  6  credentials refused (401, 403)",
                "  7  no master reachable, or none able to answer (5xx, 503)",
                "  With --wait or --follow, the driver's own exit code once it has ended."})
public final class Drover {

    @Mixin
    GlobalOptions global;

    private Drover() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line and returns its exit code; {@code env} stands for the process environment. */
    static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        Drover drover = new Drover();
        CommandLine line = new CommandLine(drover);
        line.setOut(out);
        line.setErr(err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler(new Failures(err));
        drover.global.environment(env);
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}

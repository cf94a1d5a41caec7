package io.drover.cli;

import io.drover.client.DroverClient;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.api.SubmitDriverResponse;
import io.drover.protocol.command.CommandSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drover submit}: a driver from a command line, as {@code spark-submit} and {@code nomad job run} do. */
@Command(name = "submit",
        description = "Submit a driver: a command to run on a worker, or a JVM main class from a jar.",
        footer = {"%nExamples:",
                "  drover submit --name hello --wait -- /bin/sh -c 'echo hello from $DROVER_DRIVER_ID'",
                "  drover submit --cores 2 --memory 2g --supervise --env MODE=batch -- /opt/jobs/nightly.sh",
                "  drover submit --class io.drover.examples.PiDriver --jar file:/opt/examples.jar --follow -- 8 1000000 4",
                "",
                "Prints the driver's id. With --wait or --follow, exits with the driver's exit code."})
final class SubmitCommand extends ApiCommand {

    @Option(names = "--name", description = "The driver's name (default: the command's or main class's name).")
    String name;

    @Option(names = "--cores", defaultValue = "1", description = "Cores for the driver (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--memory", defaultValue = "1g", paramLabel = "SIZE",
            description = "Memory for the driver: 512m, 2g, or MiB as a number (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--supervise", description = "Restart the driver when it exits non-zero, or its worker is lost.")
    boolean supervise;

    @Option(names = "--resource", paramLabel = "URL",
            description = "A file:, http: or https: URL the worker fetches into the driver's directory first "
                    + "({{APP_RESOURCE}} is its local copy). A local path becomes a file: URL.")
    String resource;

    @Option(names = "--env", paramLabel = "K=V", description = "An environment variable for the driver (repeatable).")
    Map<String, String> environment = new LinkedHashMap<>();

    @Option(names = "--class", paramLabel = "MAIN", description = "Run this JVM main class instead of a command.")
    String mainClass;

    @Option(names = "--jar", paramLabel = "URL",
            description = "With --class: the jar holding it; fetched like --resource and put on the class path.")
    String jar;

    @Option(names = "--java-opt", paramLabel = "OPTION", description = "With --class: a JVM option (repeatable).")
    List<String> javaOptions = new ArrayList<>();

    @Option(names = "--wait", description = "Wait until the driver ends; exit with its exit code.")
    boolean await;

    @Option(names = "--follow", description = "Stream the driver's stdout while it runs; exit with its exit code.")
    boolean follow;

    @Parameters(paramLabel = "COMMAND ARGS", description = "After --: the command and its arguments, or with "
            + "--class the main class's arguments.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        SubmitDriverRequest request = request();
        DroverClient client = client();
        String driverId = client.submitDriver(request);
        PrintWriter out = out();
        PrintWriter err = err();
        if (!await && !follow) {
            if (json()) {
                Output.json(out, new SubmitDriverResponse(driverId));
            } else {
                out.println(driverId);
            }
            return 0;
        }
        err.println("Submitted " + driverId);
        err.flush();
        DriverView ended;
        if (follow) {
            ended = new LogFollower(client, driverId, LogStream.STDOUT, System.out).follow();
        } else {
            ended = DriverWatch.untilEnded(client, driverId);
        }
        if (json()) {
            Output.json(out, ended);
        }
        err.println(driverId + " ended " + ended.state()
                + (ended.exitCode() != null ? " with exit code " + ended.exitCode() : "")
                + (ended.message() != null ? ": " + ended.message() : ""));
        return DriverWatch.exitCode(ended);
    }

    SubmitDriverRequest request() {
        CommandSpec command;
        String appResource = resource == null ? null : Urls.resource(resource, "--resource");
        if (mainClass != null) {
            List<String> classpath = List.of();
            if (jar != null) {
                if (appResource != null) {
                    throw new UsageProblem("give --jar or --resource, not both");
                }
                appResource = Urls.resource(jar, "--jar");
            }
            if (appResource != null) {
                classpath = List.of("{{APP_RESOURCE}}");
            }
            command = new CommandSpec(mainClass, classpath, javaOptions, null, words, environment);
        } else {
            if (jar != null || !javaOptions.isEmpty()) {
                throw new UsageProblem("--jar and --java-opt go with --class");
            }
            if (words.isEmpty()) {
                throw new UsageProblem("give the command to run after --, or a main class with --class");
            }
            command = new CommandSpec(null, null, null, words.get(0), words.subList(1, words.size()), environment);
        }
        String driverName = name != null ? name : defaultName();
        return new SubmitDriverRequest(driverName, appResource, command, cores, Sizes.megabytes(memory, "--memory"),
                supervise);
    }

    private String defaultName() {
        if (mainClass != null) {
            return mainClass.substring(mainClass.lastIndexOf('.') + 1);
        }
        Path file = Path.of(words.get(0)).getFileName();
        return file == null ? words.get(0) : file.toString();
    }
}

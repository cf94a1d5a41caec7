package io.drover.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code drover cluster}: the whole state in one document (Spark's {@code /json}), or its tables. */
@Command(name = "cluster",
        description = "Show the whole cluster: its status, workers, drivers and applications.",
        footer = {"%nExamples:", "  drover cluster", "  drover cluster --output json > cluster.json"})
final class ClusterCommand implements Callable<Integer> {

    @ParentCommand
    Drover drover;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var cluster = drover.global.client().cluster();
        PrintWriter out = spec.commandLine().getOut();
        if (drover.global.json()) {
            Output.json(out, cluster);
            return 0;
        }
        Instant now = Instant.now();
        Views.cluster(out, cluster);
        out.println();
        Views.workers(out, cluster.workers(), now);
        out.println();
        var drivers = new ArrayList<>(cluster.activeDrivers());
        drivers.addAll(cluster.completedDrivers());
        Views.drivers(out, drivers, now);
        out.println();
        var apps = new ArrayList<>(cluster.activeApplications());
        apps.addAll(cluster.completedApplications());
        Views.applications(out, apps, now);
        return 0;
    }
}

package io.drover.cli;

import io.drover.protocol.api.ClusterView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import picocli.CommandLine.Command;

/** {@code drover cluster}: the whole state in one document (Spark's {@code /json}), or its tables. */
@Command(name = "cluster",
        description = "Show the whole cluster: its status, workers, drivers and applications.",
        footer = {"%nExamples:", "  drover cluster", "  drover cluster --output json > cluster.json"})
final class ClusterCommand extends ApiCommand {

    @Override
    public Integer call() {
        return show(client().cluster(true), ClusterCommand::tables);
    }

    private static void tables(PrintWriter out, ClusterView cluster) {
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
    }
}

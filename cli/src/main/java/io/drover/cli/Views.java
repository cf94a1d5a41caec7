package io.drover.cli;

import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.WorkerView;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** The table form of the API's views: one place decides which columns each thing shows. */
final class Views {

    private Views() {
    }

    static void drivers(PrintWriter out, List<DriverView> drivers, Instant now) {
        Table table = new Table("ID", "NAME", "STATE", "WORKER", "CORES", "MEMORY", "AGE", "EXIT");
        for (DriverView d : drivers) {
            table.row(d.driverId(), d.name(), d.state(), d.workerId(), d.cores(), Output.memory(d.memoryMb()),
                    Output.age(d.submittedAt(), now), d.exitCode());
        }
        table.print(out);
    }

    static void driver(PrintWriter out, DriverView d, Instant now) {
        Output.fields(out,
                "ID", d.driverId(),
                "Name", d.name(),
                "State", d.state(),
                "Message", d.message(),
                "Exit code", d.exitCode(),
                "Worker", d.workerId() == null ? null : d.workerId() + " (" + d.workerUrl() + ")",
                "Cores", d.cores(),
                "Memory", Output.memory(d.memoryMb()),
                "Supervise", d.supervise(),
                "Restarts", d.restarts(),
                "Resource", d.appResource(),
                "Submitted", since(d.submittedAt(), now),
                "Started", since(d.startedAt(), now),
                "Ended", since(d.endedAt(), now),
                "Submitted by", d.submittedBy(),
                "Killed by", d.killedBy());
    }

    static void applications(PrintWriter out, List<ApplicationView> apps, Instant now) {
        Table table = new Table("ID", "NAME", "STATE", "CORES", "EXECUTORS", "DRIVER", "AGE");
        for (ApplicationView a : apps) {
            long running = a.executors().stream().filter(e -> e.state() != null && !e.state().isTerminal()).count();
            table.row(a.appId(), a.name(), a.state(), a.coresGranted(), running, a.driverId(),
                    Output.age(a.submittedAt(), now));
        }
        table.print(out);
    }

    static void application(PrintWriter out, ApplicationView a, Instant now) {
        Output.fields(out,
                "ID", a.appId(),
                "Name", a.name(),
                "State", a.state(),
                "Message", a.message(),
                "Driver", a.driverId(),
                "Cores granted", a.coresGranted(),
                "Max cores", a.maxCores(),
                "Per executor", (a.coresPerExecutor() == null ? "" : a.coresPerExecutor() + " cores, ")
                        + Output.memory(a.memoryPerExecutorMb()),
                "Executor limit", a.executorLimit(),
                "Submitted", since(a.submittedAt(), now),
                "Ended", since(a.endedAt(), now),
                "Submitted by", a.submittedBy(),
                "Killed by", a.killedBy());
        out.println();
        Table table = new Table("EXECUTOR", "WORKER", "STATE", "CORES", "MEMORY", "AGE", "EXIT");
        for (ExecutorView e : a.executors()) {
            table.row(e.executorId(), e.workerId(), e.state(), e.cores(), Output.memory(e.memoryMb()),
                    Output.age(e.launchedAt(), now), e.exitCode());
        }
        table.print(out);
    }

    static void workers(PrintWriter out, List<WorkerView> workers, Instant now) {
        Table table = new Table("ID", "STATE", "URL", "CORES", "MEMORY", "DRIVERS", "EXECUTORS", "HEARTBEAT");
        for (WorkerView w : workers) {
            table.row(w.workerId(), w.state(), w.url(), w.coresUsed() + "/" + w.cores(),
                    Output.memory(w.memoryUsedMb()) + "/" + Output.memory(w.memoryMb()),
                    w.driverIds() == null ? 0 : w.driverIds().size(), w.executors() == null ? 0 : w.executors().size(),
                    Output.age(w.lastHeartbeat(), now));
        }
        table.print(out);
    }

    static void cluster(PrintWriter out, ClusterView c) {
        Output.fields(out,
                "Master", c.url(),
                "Status", c.status(),
                "Epoch", c.epoch(),
                "Workers", c.aliveWorkers() + " alive, " + c.deadWorkers() + " dead",
                "Cores", c.coresUsed() + " used of " + c.cores(),
                "Memory", Output.memory(c.memoryUsedMb()) + " used of " + Output.memory(c.memoryMb()),
                "Drivers", c.activeDrivers().size() + " active, " + c.completedDrivers().size() + " completed",
                "Applications", c.activeApplications().size() + " active, " + c.completedApplications().size()
                        + " completed");
    }

    private static String since(Instant time, Instant now) {
        return time == null ? null : time + " (" + Output.age(time, now) + " ago)";
    }
}

package io.drover.bench.sim;

import io.drover.bench.BenchCluster;
import io.drover.bench.Daemon;
import io.drover.bench.ProcessStats;
import io.drover.bench.WorkDir;
import io.drover.client.DroverClient;
import io.drover.protocol.api.ClusterView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A simulated cluster (issue 13): a real master, started from its jar as its own process, and thousands of
 * simulated workers in this process speaking the worker protocol over HTTP ({@link FakeWorkers}). It runs
 * a registration storm (every worker at once), then heartbeats for a while, then places executors, and
 * prints what it measured: master CPU (from {@code /proc}), RSS and heap after a full GC, round trips,
 * false {@code DEAD} workers, placements per second. The baselines come from the same run: the master's
 * CPU while idle before the storm, and a round trip to this process's own HTTP server.
 *
 * <p>Run: {@code ./mvnw -B -q package -DskipTests && ./mvnw -B -q -pl bench exec:java
 * -Dexec.mainClass=io.drover.bench.sim.SimulatedCluster -Dexec.args="--workers=10000"}. Options
 * ({@code --key=value}): {@code workers} (1000), {@code cores} per worker (4), {@code heartbeat-seconds} of
 * the heartbeat phase (60), {@code worker-timeout} of the master (60s: heartbeats every 15 s),
 * {@code apps} and {@code executors} per application (10 × 1000), {@code run-for} of each executor (60s),
 * {@code master-opts}
 * (JVM options for the master after those {@code bin/drover-master} gives it, split on spaces).
 */
public final class SimulatedCluster {

    static final String SECRET = "drover-simulated-cluster-secret";

    private final Options options;
    private final PrintStream out;
    private final Daemon.Launch launch;

    SimulatedCluster(Options options, Daemon.Launch launch, PrintStream out) {
        this.options = options;
        this.launch = launch;
        this.out = out;
    }

    public static void main(String[] args) {
        Result result = new SimulatedCluster(Options.parse(args), Daemon.Launch.jars(), System.out).run();
        System.exit(result.complete() ? 0 : 1);
    }

    /** What a run measured; {@code complete} when every phase finished. */
    record Result(long registered, long heartbeats, long falseDead, long placements, double placementsPerSecond,
            boolean complete) {
    }

    Result run() {
        try (WorkDir work = WorkDir.create("simulated-cluster")) {
            int port = Daemon.freePort();
            int internalPort = Daemon.freePort();
            List<String> arguments = List.of("--drover.auth.secret=" + SECRET,
                    "--drover.master.internal-port=" + internalPort,
                    "--drover.master.data-dir=" + work.path().resolve("master"),
                    "--drover.master.worker-timeout=" + options.get("worker-timeout"),
                    "--drover.server.max-connections=" + Math.max(1000, options.integer("workers") + 100),
                    "--logging.level.io.drover=WARN");
            List<String> jvm = new ArrayList<>(BenchCluster.daemonOptions(Daemon.App.MASTER));
            jvm.addAll(options.list("master-opts"));
            try (Daemon master = Daemon.start(Daemon.App.MASTER, launch, port, work.path().resolve("master.log"), jvm,
                    arguments)) {
                master.awaitOk("/actuator/health/readiness", Duration.ofMinutes(2));
                return measure(master);
            }
        }
    }

    private Result measure(Daemon master) {
        int count = options.integer("workers");
        out.printf(Locale.ROOT, "Simulated cluster: %d workers of %d cores against one master (pid %d), %d CPUs, "
                + "load %s%n", count, options.integer("cores"), master.pid(), Runtime.getRuntime().availableProcessors(),
                loadAverage());
        double idle = cpuShare(master, Duration.ofSeconds(5));
        FakeWorkers.Settings settings = new FakeWorkers.Settings(count, options.integer("cores"), 16_384,
                options.duration("run-for"));
        try (FakeWorkers workers = new FakeWorkers(settings, master.url(), SECRET)) {
            Latencies ping = new Latencies();
            for (int i = 0; i < 200; i++) {
                long nanos = workers.pingNanos();
                if (nanos < 0) {
                    ping.failed();
                } else {
                    ping.add(nanos);
                }
            }
            out.printf(Locale.ROOT, "baseline   idle master: %5.1f %% of one core; a POST to the simulator's own "
                    + "server: %s%n", idle * 100, ping.describe());
            storm(master, workers);
            long heartbeats = heartbeats(master, workers);
            long dead = cluster(master).deadWorkers();
            out.printf(Locale.ROOT, "false DEAD %d workers (the master lists %d alive); reconnects %d%n", dead,
                    cluster(master).aliveWorkers(), workers.reconnects.get());
            double rate = placements(master, workers);
            long placed = (long) options.integer("apps") * options.integer("executors");
            return new Result(workers.registered(), heartbeats, dead, placed, rate, true);
        }
    }

    private void storm(Daemon master, FakeWorkers workers) {
        int count = workers.workers().size();
        double cpu = ProcessStats.cpuSeconds(master.pid());
        double own = ownCpuSeconds();
        long started = System.nanoTime();
        workers.registerAll().join();
        double seconds = (System.nanoTime() - started) / 1e9;
        master.await(() -> cluster(master).aliveWorkers() == count, Duration.ofMinutes(2), count + " workers alive");
        double all = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "storm      %d registrations at once (from %s): all answered in %.2f s (%.0f/s), all "
                + "ALIVE in the API after %.2f s; master CPU %.2f s (the simulator's own %.2f s); retries %d (%d "
                + "turned away at once: 503)%n",
                count, java.time.Instant.now().minusNanos(System.nanoTime() - started), seconds, count / seconds, all,
                ProcessStats.cpuSeconds(master.pid()) - cpu, ownCpuSeconds() - own, workers.registrationRetries.get(),
                workers.registrationsShed.get());
        out.printf(Locale.ROOT, "           registration round trip %s%n", workers.registrations.describe());
    }

    private long heartbeats(Daemon master, FakeWorkers workers) {
        long interval = workers.workers().get(0).heartbeatMs();
        // One interval to settle after the storm: every worker beats in its own rhythm by then.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(interval));
        workers.heartbeats.clear();
        Duration phase = Duration.ofSeconds(options.integer("heartbeat-seconds"));
        double cpu = ProcessStats.cpuSeconds(master.pid());
        double own = ownCpuSeconds();
        long started = System.nanoTime();
        LockSupport.parkNanos(phase.toNanos());
        double wall = (System.nanoTime() - started) / 1e9;
        double used = ProcessStats.cpuSeconds(master.pid()) - cpu;
        double simulator = ownCpuSeconds() - own;
        long beats = workers.heartbeats.count();
        out.printf(Locale.ROOT, "heartbeats every %d ms for %.0f s: %d answered (%.0f/s); master CPU %.1f %% of one "
                + "core, %.3f ms per heartbeat (the simulator's own %.1f %%)%n", interval, wall, beats, beats / wall,
                used / wall * 100, beats == 0 ? Double.NaN : used * 1000 / beats, simulator / wall * 100);
        out.printf(Locale.ROOT, "           heartbeat round trip %s%n", workers.heartbeats.describe());
        out.printf(Locale.ROOT, "memory     master RSS %.0f MB; heap after a full GC %.0f MB%n",
                ProcessStats.rssMb(master.pid()), heapAfterGc(master));
        return beats;
    }

    private double placements(Daemon master, FakeWorkers workers) {
        int apps = options.integer("apps");
        int executors = options.integer("executors");
        DroverClient client = client(master);
        long before = workers.runningReported.get();
        workers.reports.clear();
        double cpu = ProcessStats.cpuSeconds(master.pid());
        double own = ownCpuSeconds();
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < apps; i++) {
            ids.add(client.registerApplication(new RegisterApplicationRequest("sim-" + i,
                    CommandSpec.executable("/bin/true", List.of()), null, 1, 64L, executors, null, null, null)));
        }
        long target = before + (long) apps * executors;
        master.await(() -> workers.runningReported.get() >= target, Duration.ofMinutes(5),
                apps * executors + " executors RUNNING");
        double seconds = (System.nanoTime() - started) / 1e9;
        double used = ProcessStats.cpuSeconds(master.pid()) - cpu;
        double simulator = ownCpuSeconds() - own;
        double rate = apps * executors / seconds;
        out.printf(Locale.ROOT, "placement  %d applications × %d executors: all RUNNING (reported and acknowledged) "
                + "in %.2f s: %.0f executor placements/s end to end; master CPU %.2f s (the simulator's own %.2f s); "
                + "launches %d, refused %d%n", apps, executors, seconds, rate, used, simulator, workers.launches.get(),
                workers.refusedLaunches.get());
        out.printf(Locale.ROOT, "           state report round trip %s%n", workers.reports.describe());
        ids.forEach(client::finishApplication);
        return rate;
    }

    private static DroverClient client(Daemon master) {
        return DroverClient.builder(master.url()).bearerToken(SECRET).build();
    }

    private static ClusterView cluster(Daemon master) {
        return client(master).cluster();
    }

    /**
     * This process's CPU: the simulated workers share the machine's cores with the master, so a phase the
     * simulator itself keeps busy is bound by it rather than by the master.
     */
    private static double ownCpuSeconds() {
        return ProcessStats.cpuSeconds(ProcessHandle.current().pid());
    }

    /** The master's CPU use over {@code window}, as a share of one core. */
    private static double cpuShare(Daemon master, Duration window) {
        double cpu = ProcessStats.cpuSeconds(master.pid());
        long started = System.nanoTime();
        LockSupport.parkNanos(window.toNanos());
        return (ProcessStats.cpuSeconds(master.pid()) - cpu) / ((System.nanoTime() - started) / 1e9);
    }

    /** A full GC in the master ({@code jcmd GC.run}), then its heap in use from its Prometheus metrics. */
    private static double heapAfterGc(Daemon master) {
        try {
            Process jcmd = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd")
                    .toString(), Long.toString(master.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            jcmd.waitFor(60, TimeUnit.SECONDS);
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(master.url() + "/actuator/prometheus")).header("Authorization", "Bearer " + SECRET)
                    .build(), HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum() / (1024 * 1024);
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code --key=value} options over defaults. */
    record Options(Map<String, String> values) {

        static final Map<String, String> DEFAULTS = Map.of("workers", "1000", "cores", "4", "heartbeat-seconds",
                "60", "worker-timeout", "60s", "apps", "10", "executors", "1000", "run-for", "60s", "master-opts",
                "");

        static Options parse(String... args) {
            Map<String, String> values = new HashMap<>(DEFAULTS);
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0 || !DEFAULTS.containsKey(arg.substring(2, eq))) {
                    throw new IllegalArgumentException("unknown option " + arg + "; known: " + DEFAULTS.keySet());
                }
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            return new Options(values);
        }

        String get(String key) {
            return values.get(key);
        }

        int integer(String key) {
            return Integer.parseInt(values.get(key));
        }

        Duration duration(String key) {
            String v = values.get(key);
            return v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                    : Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }

        List<String> list(String key) {
            String v = values.get(key).trim();
            return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
        }
    }
}

package io.drover.bench;

import io.drover.client.DroverClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A master and one worker for a benchmark, each its own process started from its jar with the JVM options the
 * {@code bin/} scripts give them (a benchmark measures Drover as users run it), sharing the benchmark's
 * secret; their data and work directories are in the benchmark's {@link WorkDir}.
 */
public final class BenchCluster implements AutoCloseable {

    /** What {@code bin/lib/drover-common.sh} gives a master and a worker by default (daemon_opts). */
    public static List<String> daemonOptions(Daemon.App app) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xss512k", "-Xms32m",
                app == Daemon.App.MASTER ? "-Xmx1g" : "-Xmx256m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                "-XX:ReservedCodeCacheSize=64m", "-Dspring.aot.enabled=true"));
        if (trimsNativeHeap(Runtime.version())) {
            options.add("-XX:TrimNativeHeapInterval=5000");
        }
        if (app == Daemon.App.WORKER) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        // -Dbench.jfr=<dir>: a flight recording of each daemon, to see where a benchmark's CPU went.
        String recordings = System.getProperty("bench.jfr");
        if (recordings != null) {
            options.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(recordings)
                    .resolve(app.name().toLowerCase(java.util.Locale.ROOT) + ".jfr").toAbsolutePath());
        }
        return options;
    }

    /** As the scripts' trims_native_heap: JDK 22 and later, and the backports to 17.0.9 and 21.0.1. */
    static boolean trimsNativeHeap(Runtime.Version version) {
        int feature = version.feature();
        return feature >= 22 || (feature == 21 && version.update() >= 1) || (feature == 17 && version.update() >= 9);
    }

    /** The worker's {@code drover.worker.isolation} from a benchmark's argument at {@code index}, if given. */
    static List<String> isolationArgument(String[] args, int index) {
        return args.length > index ? List.of("--drover.worker.isolation=" + args[index]) : List.of();
    }

    /** What a benchmark's header says of that argument: the isolation given, or {@code default}. */
    static String isolationLabel(String[] args, int index) {
        return args.length > index ? args[index] : "default";
    }

    private final Daemon master;
    private final Daemon worker;
    private final DroverClient client;

    private BenchCluster(Daemon master, Daemon worker) {
        this.master = master;
        this.worker = worker;
        this.client = DroverClient.builder(master.url()).bearerToken(BenchSecret.SECRET).build();
    }

    static BenchCluster start(WorkDir work, int cores, long memoryMb, List<String> masterArguments) {
        return start(work, cores, memoryMb, masterArguments, List.of());
    }

    static BenchCluster start(WorkDir work, int cores, long memoryMb, List<String> masterArguments,
            List<String> workerArguments) {
        Daemon.Launch launch = Daemon.Launch.jars();
        List<String> masterArgs = new ArrayList<>(List.of(BenchSecret.ARGUMENT, "--logging.level.io.drover=WARN",
                "--drover.master.data-dir=" + work.path().resolve("master")));
        masterArgs.addAll(masterArguments);
        Daemon master = Daemon.start(Daemon.App.MASTER, launch, Daemon.freePort(), work.path().resolve("master.log"),
                daemonOptions(Daemon.App.MASTER), masterArgs);
        Daemon worker = null;
        try {
            master.awaitOk("/actuator/health/readiness", Duration.ofMinutes(3));
            List<String> workerArgs = new ArrayList<>(List.of(BenchSecret.ARGUMENT, "--logging.level.io.drover=WARN",
                    "--drover.worker.master-urls=" + master.url(), "--drover.worker.cores=" + cores,
                    "--drover.worker.memory-mb=" + memoryMb, "--drover.worker.work-dir=" + work.path().resolve("work")));
            workerArgs.addAll(workerArguments);
            worker = Daemon.start(Daemon.App.WORKER, launch, Daemon.freePort(), work.path().resolve("worker.log"),
                    daemonOptions(Daemon.App.WORKER), workerArgs);
            BenchCluster cluster = new BenchCluster(master, worker);
            worker.await(() -> cluster.client.cluster().aliveWorkers() == 1, Duration.ofMinutes(3),
                    "the worker registered");
            return cluster;
        } catch (RuntimeException e) {
            if (worker != null) {
                worker.close();
            }
            master.close();
            throw e;
        }
    }

    DroverClient client() {
        return client;
    }

    Daemon master() {
        return master;
    }

    Daemon worker() {
        return worker;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The worker first (it stops its children), then the master. */
    @Override
    public void close() {
        worker.close();
        master.close();
    }
}

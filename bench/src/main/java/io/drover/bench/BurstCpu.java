package io.drover.bench;

import java.util.Locale;

/**
 * Where a burst's CPU went, from the kernel's accounting of each process: the master, the worker itself, the
 * worker's children (the launch wrappers and the programs, counted once the worker has reaped them) and this
 * benchmark's own JVM, the client. Wall times on two shared cores mostly measure waiting for a core; this says
 * which process the cores were busy with.
 */
record BurstCpu(double master, double worker, double workerChildren, double client) {

    static BurstCpu now(BenchCluster cluster) {
        long worker = cluster.worker().pid();
        return new BurstCpu(ProcessStats.cpuSeconds(cluster.master().pid()), ProcessStats.cpuSeconds(worker),
                ProcessStats.waitedForChildrenCpuSeconds(worker), ProcessStats.cpuSeconds(ProcessHandle.current().pid()));
    }

    BurstCpu since(BurstCpu before) {
        return new BurstCpu(master - before.master, worker - before.worker, workerChildren - before.workerChildren,
                client - before.client);
    }

    /** One line: CPU milliseconds per process started, by process. */
    String perProcess(int processes) {
        return String.format(Locale.ROOT, "  CPU per process    master %.1f ms, worker %.1f ms, its children (wrappers"
                + " and program) %.1f ms, client %.1f ms; %.1f ms in all", per(master, processes),
                per(worker, processes), per(workerChildren, processes), per(client, processes),
                per(master + worker + workerChildren + client, processes));
    }

    private static double per(double seconds, int processes) {
        return seconds * 1000 / processes;
    }
}

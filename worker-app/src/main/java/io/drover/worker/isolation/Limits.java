package io.drover.worker.isolation;

/**
 * What one child may use: its memory in MiB (all its processes together, page cache included, no swap), its
 * cores as a CPU quota (one core is 100 ms of CPU time every 100 ms) and a weight under contention, and the
 * most processes and threads it may hold.
 */
record Limits(long memoryMb, int cores, int pids) {

    static final long CPU_PERIOD_US = 100_000;

    long memoryBytes() {
        return memoryMb * 1024 * 1024;
    }

    long cpuQuotaUs() {
        return cores * CPU_PERIOD_US;
    }
}

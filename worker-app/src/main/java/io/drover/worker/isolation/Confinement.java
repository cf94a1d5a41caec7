package io.drover.worker.isolation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * One driver's or executor's confinement, for as long as its runner lives (a supervised driver keeps its uid
 * across restarts, so the files it left in its directory stay its own). Each start is one run, with a cgroup
 * of its own: {@link #prepare} before it, {@link #runEnded} after it.
 */
public interface Confinement {

    /**
     * Readies the directory and the run's cgroup, and returns the command line that starts {@code argv}
     * confined. Nothing of an earlier run is alive by now, so the worker can take its directory back, drop
     * anything but a plain file where a log goes, and open the logs without a child able to swap them.
     *
     * @param logs the files the process's output is appended to
     */
    List<String> prepare(Path dir, List<Path> logs, List<String> argv) throws IOException;

    /**
     * The pid of the program itself, not of the wrappers around it; null for the moment between the start
     * and the namespace's first process, so that nobody is ever given a wrapper's pid for the program's.
     */
    Long mainPid(ProcessHandle started);

    /** How long a runner waits for its program's pid before reporting RUNNING without one. */
    Duration PROGRAM_PID_WAIT = Duration.ofSeconds(2);

    /** How long {@link #awaitMainPid} looks each millisecond before it looks less often. */
    Duration PROMPT_WAIT = Duration.ofMillis(20);

    /**
     * The program's pid once it is there: a few forks and execs after the start under a namespace, a few
     * milliseconds on a quiet machine, hundreds on a busy one. Waited for (at most {@code within}) so the RUNNING
     * report carries the pid users see later, never a wrapper's; null when the run ended first or the time ran
     * out. Polled from every 50 µs, doubling up to every millisecond for the first {@link #PROMPT_WAIT}, so a
     * quick start is reported promptly; after that up to every 10 ms, because a burst of slow starts would
     * otherwise keep dozens of threads polling a thousand times a second each.
     */
    default Long awaitMainPid(ProcessHandle started, Duration within) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        long pause = 50_000;
        while (true) {
            Long pid = mainPid(started);
            long now = System.nanoTime();
            if (pid != null || !started.isAlive() || now > deadline) {
                return pid;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, now - start < PROMPT_WAIT.toNanos() ? 1_000_000 : 10_000_000);
        }
    }

    /** SIGKILLs whatever is left of the current run, double-forked descendants included. */
    void killAll();

    /**
     * After the started process ended: kills what is left of the run and removes its cgroup.
     *
     * @return why the kernel ended it, when it did (the memory limit)
     */
    Optional<String> runEnded();

    /** The runner is over: frees its ids and takes its directory back for the worker. */
    void close();
}

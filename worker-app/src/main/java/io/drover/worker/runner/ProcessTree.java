package io.drover.worker.runner;

import io.drover.worker.support.ProcessChildren;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and everything it started: SIGTERM to all, then SIGKILL to whatever is left after the
 * grace period. The descendants are collected before anything is signalled, because a child whose parent
 * died is re-parented and no longer shows up among the root's descendants: the orphans that a plain
 * {@code Process.destroy()} leaves behind.
 */
final class ProcessTree {

    /** How long to wait for SIGKILLed processes to be gone; the kernel is quick, but not instant. */
    static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private ProcessTree() {
    }

    /**
     * How long the wrappers around a program (the launch chain, a namespace's init shell) get to exit by
     * themselves once the program and everything it started are gone, before they are SIGKILLed: they only pass
     * the program's status on, and one that does not (unshare waiting with SIGTERM blocked on an init shell
     * that stayed asleep after its program ended) would otherwise hold the run's cores for the whole grace.
     */
    static final Duration WRAPPER_WAIT = Duration.ofSeconds(1);

    /** The first and the longest wait between two looks for processes the tree started after the SIGTERM. */
    private static final long FIRST_LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long LONGEST_LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(320);

    /** Returns when the whole tree is gone, or after grace plus {@link #KILL_WAIT} at worst. Null-safe. */
    static void terminate(ProcessHandle root, Duration grace) {
        terminate(root, null, grace);
    }

    /**
     * As {@link #terminate(ProcessHandle, Duration)}, knowing which process of the tree is the program: the
     * grace is for it and what it started; its ancestors up to {@code root} are wrappers, which are given
     * {@link #WRAPPER_WAIT} after the rest are gone. Without a program the whole tree gets the grace.
     */
    static void terminate(ProcessHandle root, Long program, Duration grace) {
        if (root == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        tree.addAll(ProcessChildren.descendants(root.pid()));
        List<ProcessHandle> wrappers = wrappersOf(tree, program);
        List<ProcessHandle> work = new ArrayList<>(tree);
        work.removeAll(wrappers);
        tree.forEach(ProcessHandle::destroy);
        long started = System.nanoTime();
        if (awaitWork(root, work, tree, grace)) {
            Duration left = grace.minusNanos(System.nanoTime() - started);
            if (awaitExit(wrappers, left.compareTo(WRAPPER_WAIT) < 0 ? left : WRAPPER_WAIT)) {
                return;
            }
        }
        Set<ProcessHandle> left = new LinkedHashSet<>();
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                left.add(handle);
                left.addAll(ProcessChildren.descendants(handle.pid())); // started since the first look
            }
        }
        left.forEach(ProcessHandle::destroyForcibly);
        awaitExit(left, KILL_WAIT);
    }

    /**
     * Waits for the work to exit, sending SIGTERM to whatever the tree starts meanwhile and counting it as work.
     * A kill that comes while the tree is still being launched can find a namespace's init before it has set its
     * trap (the kernel drops a signal an init has no handler for) and the program not yet forked: without a
     * second look that program ran out the whole grace. The looks back off, as most trees end at once. Those
     * found late join {@code tree} too, for the SIGKILL that may follow.
     */
    private static boolean awaitWork(ProcessHandle root, List<ProcessHandle> work, List<ProcessHandle> tree,
            Duration grace) {
        Set<Long> known = new HashSet<>();
        tree.forEach(handle -> known.add(handle.pid()));
        long deadline = System.nanoTime() + grace.toNanos();
        long step = FIRST_LOOK_AGAIN_NANOS;
        while (true) {
            long left = deadline - System.nanoTime();
            if (awaitExit(work, Duration.ofNanos(Math.max(0, Math.min(step, left))))) {
                return true;
            }
            if (left <= step || Thread.currentThread().isInterrupted()) {
                return false;
            }
            if (root.isAlive()) { // a reaped root's pid could be another process's by now
                for (ProcessHandle late : ProcessChildren.descendants(root.pid())) {
                    if (known.add(late.pid())) {
                        late.destroy();
                        work.add(late);
                        tree.add(late);
                    }
                }
            }
            step = Math.min(step * 2, LONGEST_LOOK_AGAIN_NANOS);
        }
    }

    /** The program's ancestors within the tree, {@code root} included; none when the program is not in it. */
    private static List<ProcessHandle> wrappersOf(List<ProcessHandle> tree, Long program) {
        if (program == null || tree.stream().noneMatch(handle -> handle.pid() == program)) {
            return List.of();
        }
        List<ProcessHandle> wrappers = new ArrayList<>();
        ProcessHandle root = tree.get(0);
        Optional<ProcessHandle> next = ProcessHandle.of(program).flatMap(ProcessHandle::parent);
        while (next.isPresent() && wrappers.size() < tree.size()) {
            ProcessHandle wrapper = next.get();
            if (tree.stream().noneMatch(handle -> handle.pid() == wrapper.pid())) {
                return List.of(); // re-parented since the tree was read: not a chain to trust
            }
            wrappers.add(wrapper);
            if (wrapper.pid() == root.pid()) {
                return wrappers;
            }
            next = wrapper.parent();
        }
        return List.of();
    }

    static void terminate(Process process, Duration grace) {
        terminate(process == null ? null : process.toHandle(), grace);
    }

    /** Waits on exit futures rather than polling; true when all exited in time. */
    private static boolean awaitExit(Collection<ProcessHandle> handles, Duration timeout) {
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // we are being stopped ourselves: go straight to SIGKILL
            return false;
        }
    }
}

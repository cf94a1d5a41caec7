package io.drover.worker.runner;

import io.drover.worker.support.ProcessChildren;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** Returns when the whole tree is gone, or after grace plus {@link #KILL_WAIT} at worst. Null-safe. */
    static void terminate(ProcessHandle root, Duration grace) {
        if (root == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        tree.addAll(ProcessChildren.descendants(root.pid()));
        tree.forEach(ProcessHandle::destroy);
        if (awaitExit(tree, grace)) {
            return;
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

package io.drover.worker.support;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads with names that say what they do, so a thread dump shows which worker component is
 * busy. Daemon, because a component that fails to shut down must not keep the JVM alive; each component
 * still stops its own threads when the context closes.
 */
public final class NamedThreads {

    private NamedThreads() {
    }

    public static ThreadFactory daemon(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

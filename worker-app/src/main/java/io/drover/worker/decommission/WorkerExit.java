package io.drover.worker.decommission;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a worker that is done leaves. Started from {@code main} it owns its JVM and exits it (the shutdown hook
 * closes the application: children stopped, the master told); embedded beside other applications (tests, one JVM
 * with a master) it closes only its own application.
 */
public final class WorkerExit {

    private static volatile boolean ownsTheJvm;

    private WorkerExit() {
    }

    /** Called by {@code main}: this JVM is the worker's alone. */
    public static void ownTheJvm() {
        ownsTheJvm = true;
    }

    /** Leaves on a thread of its own, since closing the application stops the thread that asks for it. */
    static void leave(ConfigurableApplicationContext application) {
        Thread exit = new Thread(() -> {
            if (ownsTheJvm) {
                System.exit(0);
            } else {
                application.close();
            }
        }, "drover-worker-exit");
        exit.setDaemon(false);
        exit.start();
    }
}

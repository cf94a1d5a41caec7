package io.drover.worker.isolation;

import io.drover.worker.config.Isolation;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Confines this worker's children. One per worker; the runners ask it for a {@link Confinement} per driver
 * or executor. Thread-safe.
 */
public interface Sandbox {

    /** Said at every start and on the worker's page when children are not isolated. */
    String NONE_WARNING = "drover.worker.isolation=none: every driver and executor runs as this worker's own user"
            + " and can read the cluster's credentials, other jobs' files and the worker's memory";

    Isolation isolation();

    /**
     * @param name names the child's cgroups: a driver id, or {@code <appId>-<executorId>}
     * @param dir the child's own directory, already created by the worker
     * @param group the application whose scratch directory an executor shares with its siblings; null for a driver
     */
    Confinement confine(String name, Path dir, int cores, long memoryMb, String group) throws IOException;

    /** Makes a directory every child of {@code group} may write in (an application's local directory). */
    void shareWithGroup(Path dir, String group) throws IOException;

    /** The group's directory is gone: its id may go to someone else. */
    void releaseGroup(String group);

    /** The warning for pages and logs, or null when children are isolated. */
    default String warning() {
        return isolation() == Isolation.NONE ? NONE_WARNING : null;
    }

    /** The worker is stopping and its children are gone: removes what the sandbox made on the host. */
    default void close() {
    }

    /** What {@code /}'s banner and the registration say, e.g. {@code process (cgroup v1)}. */
    String describe();
}

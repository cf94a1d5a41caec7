package io.drover.worker.config;

/**
 * How a worker separates its children from itself and from each other ({@code drover.worker.isolation}).
 *
 * <p>{@code PROCESS}: each driver and executor runs under a uid of its own, in its own PID and mount
 * namespaces and its own cgroup (issue 10). {@code NONE}: children run as the worker's own user and can read
 * everything it can, the cluster's credentials included; for a single user's laptop.
 */
public enum Isolation {
    PROCESS, NONE;

    /** The value as written in configuration and shown on pages ({@code process}, {@code none}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

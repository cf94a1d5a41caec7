package io.drover.master.state.storage;

/**
 * A record as the store keeps it: its own type, separate from the in-memory entries, with a format
 * {@link #version()} so a later Drover can read what this one wrote (and this one refuses what a later one
 * wrote in a format it does not know). Spark coupled its stored format to its domain classes through Java
 * serialization; these records are plain JSON.
 */
sealed interface StoredRecord permits StoredWorker, StoredDriver, StoredApplication, StoredExecutor, StoredCounters {

    /** The format every record is written in today. */
    int CURRENT_VERSION = 1;

    int version();
}

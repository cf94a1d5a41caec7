/**
 * Keeping the work directory from filling the disk: the periodic cleanup of ended applications' and drivers'
 * directories (Spark's {@code spark.worker.cleanup.*}), and pruning the app resource cache of entries no run links.
 * Asks the runner registry what runs; never deletes that.
 */
package io.drover.worker.housekeeping;

package io.drover.spark;

import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.state.ExecutorState;
import java.net.URI;
import java.util.Optional;
import org.apache.spark.scheduler.ExecutorExited;
import org.apache.spark.scheduler.ExecutorLossReason;
import org.apache.spark.scheduler.ExecutorProcessLost;
import scala.Option;

/**
 * How an executor's end on Drover reads to Spark, as Spark's standalone backend words it
 * ({@code StandaloneSchedulerBackend.executorRemoved}): a process that exited says its exit code and counts
 * against the application's tasks; one whose worker was lost says so, with the worker's host, so Spark also
 * forgets the shuffle output that lived there, and its tasks do not count as failed; nor do those of an
 * executor that was killed on purpose.
 */
final class ExecutorLosses {

    private ExecutorLosses() {
    }

    /** The reason for an executor that ended; empty while it is still live. */
    static Optional<ExecutorLossReason> of(ExecutorView executor) {
        if (executor.state() == null || !executor.state().isTerminal()) {
            return Optional.empty();
        }
        String message = "Drover executor " + executor.appId() + "/" + executor.executorId() + " "
                + executor.state() + (executor.message() == null ? "" : ": " + executor.message());
        if (executor.state() == ExecutorState.LOST) {
            return Optional.of(new ExecutorProcessLost(message, Option.apply(host(executor.workerUrl())), false));
        }
        if (executor.state() == ExecutorState.KILLED) {
            // Killed on purpose (by Spark's own request, a user, or the application's end): not its tasks' fault.
            return Optional.of(new ExecutorProcessLost(message, Option.empty(), false));
        }
        if (executor.exitCode() != null) {
            return Optional.of(new ExecutorExited(executor.exitCode(), true, message));
        }
        return Optional.of(new ExecutorProcessLost(message, Option.empty(), true));
    }

    private static String host(String workerUrl) {
        if (workerUrl == null) {
            return null;
        }
        try {
            return URI.create(workerUrl).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

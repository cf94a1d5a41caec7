package io.drover.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.state.ExecutorState;
import org.apache.spark.scheduler.ExecutorExited;
import org.apache.spark.scheduler.ExecutorLossReason;
import org.apache.spark.scheduler.ExecutorProcessLost;
import org.junit.jupiter.api.Test;

class ExecutorLossesTest {

    private static ExecutorView executor(ExecutorState state, Integer exitCode) {
        return new ExecutorView("app-20261205103000-0001", 3, "worker-20261205103000-10.0.0.9-8081",
                "http://10.0.0.9:8081", 1, 896, state, exitCode, "why", null, null, null, null);
    }

    @Test
    void aLiveExecutorHasNoLoss() {
        assertThat(ExecutorLosses.of(executor(ExecutorState.RUNNING, null))).isEmpty();
    }

    @Test
    void aProcessThatExitedSaysItsExitCodeAndCountsAgainstItsTasks() {
        ExecutorLossReason reason = ExecutorLosses.of(executor(ExecutorState.FAILED, 137)).orElseThrow();

        assertThat(reason).isInstanceOfSatisfying(ExecutorExited.class, exited -> {
            assertThat(exited.exitCode()).isEqualTo(137);
            assertThat(exited.exitCausedByApp()).isTrue();
            assertThat(exited.message()).contains("app-20261205103000-0001/3").contains("FAILED").contains("why");
        });
    }

    @Test
    void aLostWorkerNamesItsHostAndIsNotTheTasksFault() {
        ExecutorLossReason reason = ExecutorLosses.of(executor(ExecutorState.LOST, null)).orElseThrow();

        assertThat(reason).isInstanceOfSatisfying(ExecutorProcessLost.class, lost -> {
            assertThat(lost.workerHost().get()).isEqualTo("10.0.0.9");
            assertThat(lost.causedByApp()).isFalse();
        });
    }

    @Test
    void aKilledExecutorIsNotItsTasksFault() {
        assertThat(ExecutorLosses.of(executor(ExecutorState.KILLED, 143)).orElseThrow())
                .isInstanceOfSatisfying(ExecutorProcessLost.class, lost -> assertThat(lost.causedByApp()).isFalse());
    }
}

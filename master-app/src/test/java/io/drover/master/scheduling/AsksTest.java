package io.drover.master.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.master.scheduling.placement.AppAsk;
import io.drover.master.state.model.ApplicationEntry;
import io.drover.master.state.model.Audit;
import io.drover.master.state.model.ExecutorEntry;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsksTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String A = "worker-20261206120000-127.0.0.1-7078";
    private static final String B = "worker-20261206120000-127.0.0.2-7078";

    @Test
    void anApplicationWithOneExecutorPerWorkerIsKeptOffTheWorkersItsLiveExecutorsRunOn() {
        ApplicationEntry app = app(null, 8, Map.of(0, executor(0, A, 4), 1, ended(executor(1, B, 4))));

        AppAsk ask = Asks.app(app);

        assertThat(ask.workersWithExecutor()).containsExactly(A);
        assertThat(ask.coresWanted()).isEqualTo(4);
    }

    @Test
    void anApplicationWithCoresPerExecutorAsksForWhatItLacksWhereverItRuns() {
        ApplicationEntry app = app(2, 8, Map.of(0, executor(0, A, 2), 1, executor(1, B, 2)));

        AppAsk ask = Asks.app(app);

        assertThat(ask.workersWithExecutor()).isEmpty();
        assertThat(ask.coresWanted()).isEqualTo(4);
        assertThat(ask.wantsMore()).isTrue();
    }

    private static ApplicationEntry app(Integer coresPerExecutor, int maxCores, Map<Integer, ExecutorEntry> executors) {
        return new ApplicationEntry("app-20261206120000-0001", 1, "asks", CommandSpec.executable("/bin/true",
                List.of()), null, coresPerExecutor, 512L, maxCores, null, null, null, ApplicationState.RUNNING, NOW,
                null, null, 0, executors.size(), 0, executors, Audit.submittedBy("alice"));
    }

    private static ExecutorEntry executor(int id, String worker, int cores) {
        return ExecutorEntry.launching("app-20261206120000-0001", id, worker, cores, 512, Map.of(), NOW);
    }

    private static ExecutorEntry ended(ExecutorEntry executor) {
        return executor.ended(ExecutorState.EXITED, 0, "done", NOW);
    }
}

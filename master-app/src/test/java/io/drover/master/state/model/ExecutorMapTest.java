package io.drover.master.state.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorMapTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void anExecutorChangedReplacesTheOneWithItsNumberAndLeavesTheOldMapAsItWas() {
        ExecutorMap before = ExecutorMap.of(Map.of()).with(executor(0)).with(executor(1));
        ExecutorEntry ran = executor(0).ended(ExecutorState.EXITED, 0, "done", NOW);

        ExecutorMap after = before.with(ran);

        assertThat(after).hasSize(2).containsEntry(0, ran).containsEntry(1, executor(1));
        assertThat(before.get(0)).isEqualTo(executor(0));
    }

    @Test
    void executorsAreListedByNumberWhichIsLaunchOrder() {
        Map<Integer, ExecutorEntry> recovered = new LinkedHashMap<>();
        for (int id : new int[] {12, 3, 7}) {
            recovered.put(id, executor(id));
        }

        ExecutorMap map = ExecutorMap.of(recovered).with(executor(13)).with(executor(5));

        assertThat(map.keySet()).containsExactly(3, 5, 7, 12, 13);
    }

    @Test
    void aMapThatIsOneAlreadyIsPassedOnWithoutACopy() {
        ExecutorMap map = ExecutorMap.of(Map.of(4, executor(4)));

        assertThat(ExecutorMap.of(map)).isSameAs(map);
        assertThat(map.containsKey(4)).isTrue();
        assertThat(map.containsKey(5)).isFalse();
    }

    @Test
    void liveExecutorsAndTheirCoresAreCountedAsTheMapChanges() {
        ExecutorMap map = ExecutorMap.of(Map.of(0, executor(0), 1, executor(1), 2, executor(2)));

        ExecutorMap changed = map.with(executor(1).ended(ExecutorState.KILLED, null, "killed", NOW))
                .with(executor(3)).without(List.of(0, 9));

        assertThat(map.live()).isEqualTo(3);
        assertThat(map.liveCores()).isEqualTo(6);
        assertThat(changed.keySet()).containsExactly(1, 2, 3);
        assertThat(changed.live()).isEqualTo(2);
        assertThat(changed.liveCores()).isEqualTo(4);
    }

    @Test
    void anApplicationCountsItsLiveExecutorsAndCoresFromItsMap() {
        ApplicationEntry app = new ApplicationEntry("app-20261206120000-0001", 1, "counted",
                CommandSpec.executable("/bin/true", List.of()), null, 2, 512L, null, null, null, null,
                ApplicationState.RUNNING, NOW, null, null, 0, 2, 0,
                Map.of(0, executor(0), 1, executor(1)), Audit.submittedBy("alice"));

        ApplicationEntry later = app.withExecutor(executor(0).ended(ExecutorState.EXITED, 0, "done", NOW), 0, 2);

        assertThat(app.liveExecutors()).isEqualTo(2);
        assertThat(later.liveExecutors()).isEqualTo(1);
        assertThat(later.coresGranted()).isEqualTo(2);
    }

    private static ExecutorEntry executor(int id) {
        return ExecutorEntry.launching("app-20261206120000-0001", id, "worker-20261206120000-127.0.0.1-7078", 2, 512,
                Map.of(), NOW);
    }
}

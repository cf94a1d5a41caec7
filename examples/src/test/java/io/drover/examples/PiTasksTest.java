package io.drover.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PiTasksTest {

    private final PiTasks tasks = new PiTasks(3, 100);

    @Test
    void handsOutFreshPartitionsInOrderFirst() {
        assertThat(tasks.next()).hasValue(0);
        assertThat(tasks.next()).hasValue(1);
        assertThat(tasks.next()).hasValue(2);
    }

    @Test
    void thenHandsOutUnansweredOnesAgainLongestWaitingFirst() {
        tasks.next();
        tasks.next();
        tasks.next();
        assertThat(tasks.complete(1, 80, "a")).isTrue();

        assertThat(tasks.next()).as("0 was handed out longest ago").hasValue(0);
        assertThat(tasks.next()).hasValue(2);
        assertThat(tasks.next()).as("and round again").hasValue(0);
        assertThat(tasks.complete(0, 75, "b")).isTrue();
        assertThat(tasks.next()).hasValue(2);
        assertThat(tasks.next()).hasValue(2);
    }

    @Test
    void nothingIsLeftOnceEveryPartitionHasAResult() {
        for (int i = 0; i < 3; i++) {
            assertThat(tasks.isDone()).isFalse();
            tasks.complete(tasks.next().getAsInt(), 70 + i, "a");
        }

        assertThat(tasks.isDone()).isTrue();
        assertThat(tasks.next()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void theFirstResultCountsAndDuplicatesAreIgnored() {
        tasks.next();
        assertThat(tasks.complete(0, 80, "a")).isTrue();
        assertThat(tasks.complete(0, 10, "b")).isFalse();
        tasks.complete(1, 70, "b");
        tasks.complete(2, 60, "b");

        PiResult result = tasks.result();

        assertThat(result.inside()).isEqualTo(210);
        assertThat(result.samples()).isEqualTo(300);
        assertThat(result.partitionsByExecutor()).isEqualTo(Map.of("a", List.of(0), "b", List.of(1, 2)));
        assertThat(tasks.completed()).isEqualTo(3);
    }

    @Test
    void aResultForAPartitionNotYetHandedOutIsKeptAndItIsSkipped() {
        tasks.complete(0, 50, "early");

        assertThat(tasks.next()).hasValue(1);
        assertThat(tasks.next()).hasValue(2);
        assertThat(tasks.next()).hasValue(1);
    }

    @Test
    void noResultBeforeEveryPartitionHasOne() {
        tasks.complete(0, 50, null);

        assertThatThrownBy(tasks::result).isInstanceOf(IllegalStateException.class).hasMessage("1 of 3 partitions have a result");
    }

    @Test
    void rejectsResultsOutOfRange() {
        assertThatThrownBy(() -> tasks.complete(3, 1, "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tasks.complete(-1, 1, "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tasks.complete(0, 101, "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tasks.complete(0, -1, "a")).isInstanceOf(IllegalArgumentException.class);
        assertThat(tasks.completed()).isZero();
        assertThatThrownBy(() -> new PiTasks(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PiTasks(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSummaryLine() {
        PiResult result = new PiResult(8, 1_000_000, 6_283_185, Map.of("executor 0", List.of(0, 1)));

        assertThat(result.summary()).isEqualTo("Pi is roughly 3.14159250 (6283185 inside of 8000000 samples over 8 partitions)");
        assertThat(result.contributions()).containsExactly("executor 0: 2 partitions [0, 1]");
    }
}

package io.drover.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PiPartitionTest {

    @Test
    void theSamePartitionAlwaysCountsTheSame() {
        long first = PiPartition.countInside(3, 100_000);

        assertThat(PiPartition.countInside(3, 100_000)).isEqualTo(first);
        assertThat(PiPartition.countInside(4, 100_000)).as("another seed").isNotEqualTo(first);
    }

    @Test
    void aLongerRunExtendsAShorterOne() {
        // The first samples of a partition are the same however many follow.
        long shorter = PiPartition.countInside(7, 1_000);
        long longer = PiPartition.countInside(7, 1_001);

        assertThat(longer - shorter).isBetween(0L, 1L);
    }

    @Test
    void aboutAQuarterOfPiOfThePointsFallInside() {
        long samples = 1_000_000;
        long inside = PiPartition.countInside(0, samples);

        assertThat(4.0 * inside / samples).isCloseTo(Math.PI, within(0.01));
    }

    @Test
    void noSamplesNothingInside() {
        assertThat(PiPartition.countInside(0, 0)).isZero();
        assertThat(PiPartition.countInside(1, 1)).isBetween(0L, 1L);
    }

    @Test
    void rejectsNegatives() {
        assertThatThrownBy(() -> PiPartition.countInside(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PiPartition.countInside(0, -10)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The answer a whole job must give, computed here on one thread. */
    static long expectedInside(int partitions, long samplesPerPartition) {
        long total = 0;
        for (int partition = 0; partition < partitions; partition++) {
            total += PiPartition.countInside(partition, samplesPerPartition);
        }
        return total;
    }
}

package io.drover.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrimesTest {

    @ParameterizedTest(name = "primes below {0}: {1}")
    @CsvSource({
        "0, 0", "1, 0", "2, 0", "3, 1", "4, 2", "5, 2", "10, 4", "11, 4", "12, 5", "100, 25",
        "1000, 168", "100000, 9592", "200000, 17984", "1000000, 78498"
    })
    void countsKnownValues(int limit, int expected) {
        assertThat(Primes.countBelow(limit)).isEqualTo(expected);
    }

    @Test
    void agreesWithTrialDivision() {
        int count = 0;
        for (int n = 0; n < 5000; n++) {
            assertThat(Primes.countBelow(n)).as("below %d", n).isEqualTo(count);
            if (isPrime(n)) {
                count++;
            }
        }
    }

    @Test
    void rejectsBoundsOutOfRange() {
        assertThatThrownBy(() -> Primes.countBelow(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Primes.countBelow(Primes.MAX_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        for (int d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}

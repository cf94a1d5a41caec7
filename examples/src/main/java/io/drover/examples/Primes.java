package io.drover.examples;

import java.util.BitSet;

/** Counting primes: a small computation whose answer anyone can check (π(10⁵) = 9592, π(10⁶) = 78498). */
public final class Primes {

    /** The largest bound accepted; its sieve takes about 128 MB. */
    public static final int MAX_LIMIT = 1_000_000_000;

    private Primes() {
    }

    /** How many primes are smaller than {@code limit}, by the sieve of Eratosthenes over odd numbers. */
    public static int countBelow(int limit) {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_LIMIT + ": " + limit);
        }
        if (limit <= 2) {
            return 0;
        }
        // Bit i stands for the odd number 2i + 1; composite ones get set.
        int odds = limit / 2;
        BitSet composite = new BitSet(odds);
        composite.set(0); // 1 is not prime
        for (long p = 3; p * p < limit; p += 2) {
            if (!composite.get((int) (p / 2))) {
                for (long multiple = p * p; multiple < limit; multiple += 2 * p) {
                    composite.set((int) (multiple / 2));
                }
            }
        }
        return 1 + odds - composite.cardinality(); // 2, plus the odd primes below limit
    }
}

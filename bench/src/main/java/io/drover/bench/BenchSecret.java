package io.drover.bench;

/** The cluster secret the benchmarks' in-process master and workers share; their client presents it too. */
final class BenchSecret {

    static final String SECRET = "drover-benchmark-cluster-secret";
    static final String ARGUMENT = "--drover.auth.secret=" + SECRET;

    private BenchSecret() {
    }
}

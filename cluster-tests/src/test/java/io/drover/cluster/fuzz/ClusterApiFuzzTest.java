package io.drover.cluster.fuzz;

import io.drover.cluster.TempTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Throws random and malformed calls at every public and internal route of a real master and a real worker
 * (DESIGN.md §5: "Nothing a client sends, however malformed, gives a 500 or changes state it should not").
 * For every call: no 5xx; every 4xx is {@code application/problem+json}; and after every answer that is not
 * 2xx the cluster's state (both sides, without clocks) is what it was before. A 5xx or a state change fails
 * the property at once (jqwik shrinks it and prints the seed). Every finding is recorded, grouped by kind,
 * status, who wrote the answer and the likeliest cause, with the smallest request of each group; the list
 * is printed at the end, written to {@code target/fuzz-findings.txt} with the answers by route and status,
 * and fails the class.
 *
 * <p>One master and one worker serve all properties. A call that is rightly taken (a kill of the live
 * driver, a driver a valid body submitted) is cleaned up after and the cluster left to settle, so that the
 * next call starts from a quiet state.
 */
class ClusterApiFuzzTest {

    /**
     * With {@code -Ddrover.fuzz.failFast=false} a 5xx or a state change is only recorded, so one run lists every
     * kind of finding instead of stopping each property at its first.
     */
    private static final boolean FAIL_FAST = !"false".equals(System.getProperty("drover.fuzz.failFast"));
    private static final FuzzHttp HTTP = new FuzzHttp();
    private static Path workRoot;
    private static LiveCluster cluster;

    @BeforeContainer
    static void start() throws IOException {
        // Passable (0711): the workers' children run under uids of their own (process isolation, as root).
        workRoot = Files.createTempDirectory("drover-fuzz",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x")));
        cluster = LiveCluster.start(workRoot.resolve("work"));
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            if (cluster != null) {
                System.out.println("Drover API fuzz: " + cluster.settleStatistics());
                cluster.close();
            }
            LiveCluster.assertNoProcessesLeft();
        } finally {
            TempTrees.deleteQuietly(workRoot);
            String report = Findings.report();
            System.out.println(report);
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("fuzz-findings.txt"), report + "\n" + Findings.statuses(),
                        StandardCharsets.UTF_8);
            }
        }
        if (Findings.any()) {
            throw new AssertionError("the API fuzz found problems (in full above and in target/fuzz-findings.txt):\n"
                    + Findings.headlines());
        }
    }

    // The generators weigh their own edge values (empty, huge, control characters); jqwik's mixed-in edge cases
    // would come on top of every alternative at once and swamp them, so they are off.
    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void driverCallsOfTheMaster(@ForAll("driverCalls") FuzzRequest request) {
        check(request);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void applicationCallsOfTheMaster(@ForAll("applicationCalls") FuzzRequest request) {
        check(request);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void workerAndClusterReadsOfTheMaster(@ForAll("readCalls") FuzzRequest request) {
        check(request);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void workerProtocolOfTheMaster(@ForAll("internalCalls") FuzzRequest request) {
        check(request);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void callsOfTheWorker(@ForAll("workerCalls") FuzzRequest request) {
        check(request);
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void anyMethodOnAnyRoute(@ForAll("anyMethodCalls") FuzzRequest request) {
        check(request);
    }

    @Provide
    Arbitrary<FuzzRequest> driverCalls() {
        return Routes.calls(Routes.MASTER_DRIVERS);
    }

    @Provide
    Arbitrary<FuzzRequest> applicationCalls() {
        return Routes.calls(Routes.MASTER_APPLICATIONS);
    }

    @Provide
    Arbitrary<FuzzRequest> readCalls() {
        return Routes.calls(Routes.MASTER_READS);
    }

    @Provide
    Arbitrary<FuzzRequest> internalCalls() {
        return Routes.calls(Routes.MASTER_INTERNAL);
    }

    @Provide
    Arbitrary<FuzzRequest> workerCalls() {
        return Routes.calls(Routes.WORKER);
    }

    @Provide
    Arbitrary<FuzzRequest> anyMethodCalls() {
        return Routes.callsWithAnyMethod(Routes.ALL);
    }

    private static void check(FuzzRequest request) {
        LiveCluster.Snapshot before = cluster.snapshot();
        if (!cluster.healthy(before)) {
            cluster.settle();
            before = cluster.snapshot();
        }
        FuzzHttp.Answer answer = HTTP.send(request, cluster.baseUrl(request), cluster);
        String pathAndQuery = request.pathAndQuery(cluster);
        Findings.count(request, answer);
        int status = answer.status();
        if (answer.answered() && status < 300) {
            if (status >= 200 && request.mayChangeState()) {
                cluster.killCreated(answer);
                if (!cluster.unchangedSince(before)) {
                    cluster.settle();
                }
            }
            return;
        }
        String failure = null;
        if (Findings.containerRejected(request, pathAndQuery, answer)) {
            Findings.record(Findings.Kind.CONTAINER_REJECTED, request, pathAndQuery, answer, null);
        } else if (!answer.answered()) {
            Findings.record(Findings.Kind.NO_ANSWER, request, pathAndQuery, answer, null);
        } else if (status >= 500) {
            Findings.record(Findings.Kind.SERVER_ERROR, request, pathAndQuery, answer, null);
            failure = "a " + status + " answer";
        } else if (status >= 400 && !answer.isProblemJson()) {
            Findings.record(Findings.Kind.NOT_PROBLEM_JSON, request, pathAndQuery, answer, null);
        }
        List<String> after = cluster.snapshot().projection();
        if (!after.equals(before.projection())) {
            String diff = LiveCluster.diff(before.projection(), after);
            Findings.record(Findings.Kind.STATE_CHANGED, request, pathAndQuery, answer, "state change:" + diff);
            failure = (failure == null ? "" : failure + ", and ") + "the state changed under a " + status
                    + " answer:" + diff;
            cluster.settle();
        }
        if (failure != null && FAIL_FAST) {
            throw new AssertionError(failure + "\n    request: " + answer.wire() + "\n    answer: " + answer);
        }
    }
}

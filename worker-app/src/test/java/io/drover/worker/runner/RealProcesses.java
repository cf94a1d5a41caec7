package io.drover.worker.runner;

import io.drover.server.security.DriverTokens;
import io.drover.worker.isolation.Sandbox;
import io.drover.worker.isolation.Sandboxes;
import java.util.Map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.command.CommandSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the runner tests with real child processes share: the runners' threads, a context in the test's
 * work directory, and the rule that no process outlives a test, not even a grandchild.
 */
final class RealProcesses {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final LaunchSite SITE = new LaunchSite("http://master:8080", "http://worker:8081", "localhost");

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ProcessLauncher launcher = new ProcessLauncher(Clock.systemUTC());
    private Sandbox sandbox;
    private ResourceDirs resourceDirs = ResourceDirs.NONE;

    /** {@code file:} app resources may come from {@code dir}, as {@code drover.worker.allowed-resource-dirs} says. */
    void allowResourcesFrom(Path dir, Path work) {
        resourceDirs = new ResourceDirs(List.of(dir), List.of(work));
    }

    RunnerContext context(Path work, SupervisePolicy policy, Duration killGrace) {
        return context(work, policy, killGrace, System.getenv(), null);
    }

    /** With the worker's own environment and, when authentication is on, its drivers' token issuer. */
    RunnerContext context(Path work, SupervisePolicy policy, Duration killGrace, Map<String, String> workerEnvironment,
            DriverTokens driverTokens) {
        // The host's default, as a worker gets it: process isolation when the tests run as root (CI does).
        sandbox = Sandboxes.defaultFor(work);
        return new RunnerContext(work, LaunchPlanner.forThisJvm(),
                new AppResourceFetcher(new LaunchPolicy(List.of(), List.of(), resourceDirs), new AppResourceCache(work)),
                new AppLocalDirs(work, sandbox), launcher, policy, Clock.systemUTC(), killGrace, workerEnvironment,
                threads, timer, driverTokens, sandbox, null);
    }

    static CommandSpec shell(String script) {
        return CommandSpec.executable("/bin/sh", List.of("-c", script));
    }

    /** A test that starts with children of ours would blame itself for someone else's leftovers. */
    static void assertNoChildren() {
        assertThat(ProcessHandle.current().descendants()).isEmpty();
    }

    /** Once the runners, already told to stop, have ended: closes the threads and waits for every child to go. */
    void close(List<CompletableFuture<Void>> runnerEnds) throws Exception {
        for (CompletableFuture<Void> end : runnerEnds) {
            end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        timer.shutdownNow();
        threads.shutdownNow();
        await().atMost(WAIT).until(() -> ProcessHandle.current().descendants().findAny().isEmpty());
        launcher.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** The root and its descendants, once it has that many: the tree a kill must leave nothing of. */
    static List<ProcessHandle> awaitTree(long rootPid, int descendants) {
        ProcessHandle root = ProcessHandle.of(rootPid).orElseThrow();
        await().atMost(WAIT).until(() -> root.descendants().count() == descendants);
        List<ProcessHandle> tree = new ArrayList<>(List.of(root));
        root.descendants().forEach(tree::add);
        return tree;
    }

    static void assertNoneAlive(List<ProcessHandle> tree) {
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }
}

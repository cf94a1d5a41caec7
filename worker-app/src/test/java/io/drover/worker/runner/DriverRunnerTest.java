package io.drover.worker.runner;

import io.drover.server.security.ClusterSecret;
import io.drover.server.security.DriverTokens;
import java.util.Map;
import static io.drover.worker.runner.RealProcesses.WAIT;
import static io.drover.worker.runner.RealProcesses.awaitTree;
import static io.drover.worker.runner.RealProcesses.shell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.internal.WorkerHealth;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.state.DriverState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: exit codes, logs, kills of whole trees, supervised restarts. */
class DriverRunnerTest {

    private static final SupervisePolicy QUICK_RESTARTS =
            new SupervisePolicy(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(5));

    @TempDir
    Path work;

    /** Where app resources come from: allowed, and outside the work directory, as a worker requires. */
    @TempDir
    Path resources;

    private final RealProcesses processes = new RealProcesses();
    private final List<DriverRunner> runners = new ArrayList<>();
    private final RecordingListener.OfDrivers recorder = new RecordingListener.OfDrivers();
    private int nextId = 1;

    @BeforeEach
    void checkNoChildrenYet() {
        RealProcesses.assertNoChildren();
    }

    @AfterEach
    void leaveNoProcessBehind() throws Exception {
        runners.forEach(runner -> runner.kill(false));
        processes.close(runners.stream().map(DriverRunner::whenEnded).toList());
    }

    private RunnerContext context(SupervisePolicy policy, Duration killGrace) {
        processes.allowResourcesFrom(resources, work);
        return processes.context(work, policy, killGrace);
    }

    private DriverRunner start(CommandSpec command, boolean supervise, String appResource, RunnerContext context) {
        return start(command, supervise, appResource, context, Map.of());
    }

    private DriverRunner start(CommandSpec command, boolean supervise, String appResource, RunnerContext context,
            Map<String, List<String>> resourceAddresses) {
        String id = String.format("driver-20260101000000-%04d", nextId++);
        DriverDescription description = new DriverDescription("test", appResource, command, 1, 64, supervise);
        DriverRunner runner = new DriverRunner(id, description, resourceAddresses, RealProcesses.SITE, context,
                recorder);
        runners.add(runner);
        runner.start();
        return runner;
    }

    private DriverRunner start(CommandSpec command, boolean supervise) {
        return start(command, supervise, null, context(QUICK_RESTARTS, Duration.ofSeconds(5)));
    }

    /**
     * RUNNING is reported once the process starts; under process isolation the program's own pid is known a
     * moment later, when its namespace has its first processes.
     */
    private static long awaitPid(DriverRunner runner) {
        return await().atMost(WAIT).until(() -> runner.view().pid(), pid -> pid != null);
    }

    private void awaitFinalReport() {
        await().atMost(WAIT).until(recorder::hasFinal);
    }

    private void awaitRunning() {
        await().atMost(WAIT).until(() -> recorder.states().contains(DriverState.RUNNING));
    }

    @Test
    void aNonZeroExitEndsFailedWithTheExitCodeAndKeepsTheOutput() throws IOException {
        DriverRunner runner = start(shell("echo hello; exit 3"), false);

        awaitFinalReport();

        assertThat(recorder.states()).containsExactly(DriverState.RUNNING, DriverState.FAILED);
        assertThat(recorder.last().exitCode()).isEqualTo(3);
        assertThat(recorder.last().message()).isEqualTo("exited with code 3");
        assertThat(Files.readString(work.resolve(runner.driverId()).resolve("stdout"))).isEqualTo("hello\n");
    }

    @Test
    void aCleanExitEndsFinished() {
        start(CommandSpec.executable("/bin/true", List.of()), false);

        awaitFinalReport();

        assertThat(recorder.states()).containsExactly(DriverState.RUNNING, DriverState.FINISHED);
        assertThat(recorder.last().exitCode()).isZero();
    }

    @Test
    void stderrStartsWithTheLaunchCommand() throws IOException {
        DriverRunner runner = start(shell("echo oops >&2"), false);

        awaitFinalReport();

        List<String> lines = Files.readAllLines(work.resolve(runner.driverId()).resolve("stderr"));
        assertThat(lines.get(0)).startsWith("[drover ").contains("starting: /bin/sh -c 'echo oops >&2'");
        assertThat(lines.get(1)).isEqualTo("oops");
    }

    @Test
    void theDriverSeesItsSubstitutedValues() throws IOException {
        DriverRunner runner = start(shell("echo {{DRIVER_ID}} $DROVER_CORES $DROVER_MASTER_URL"), false);

        awaitFinalReport();

        assertThat(Files.readString(work.resolve(runner.driverId()).resolve("stdout")))
                .isEqualTo(runner.driverId() + " 1 http://master:8080\n");
    }

    /** A context whose work directory is {@code workDir} and whose worker judges itself {@code health}. */
    private RunnerContext contextAt(Path workDir, WorkerHealth health) {
        RunnerContext usual = context(QUICK_RESTARTS, Duration.ofSeconds(5));
        return new RunnerContext(workDir, usual.planner(), usual.fetcher(), usual.localDirs(), usual.launcher(),
                usual.supervisePolicy(), usual.clock(), usual.killGrace(), System.getenv(), usual.work(),
                usual.timer(), null, usual.sandbox(), null, () -> health);
    }

    @Test
    void theDriverSeesItsResourceAddressesAsVariablesAndInSparksResourcesFile() throws IOException {
        DriverRunner runner = start(shell("echo \"$DROVER_RESOURCE_GPU\"; cat \"$DROVER_RESOURCES_FILE\""), false,
                null, context(QUICK_RESTARTS, Duration.ofSeconds(5)), Map.of("gpu", List.of("0", "1")));

        awaitFinalReport();

        assertThat(recorder.last().state()).isEqualTo(DriverState.FINISHED);
        assertThat(Files.readString(work.resolve(runner.driverId()).resolve("stdout")))
                .isEqualTo("0,1\n[{\"name\":\"gpu\",\"addresses\":[\"0\",\"1\"]}]");
    }

    @Test
    void aLaunchThatFailsOnIoWhileTheWorkerIsUnhealthyIsRefusedAsTheWorkersFault() throws IOException {
        Path notADirectory = Files.createFile(work.resolve("work"));
        String reason = "the work directory " + notADirectory + " is not writable";
        RunnerContext context = contextAt(notADirectory, WorkerHealth.unhealthy(reason));

        DriverRunner runner = start(CommandSpec.executable("/bin/true", List.of()), false, null, context);
        awaitFinalReport();

        assertThat(recorder.last()).isEqualTo(DriverStateChanged.refused(runner.driverId(), reason));
    }

    @Test
    void theSameFailureOnAHealthyWorkerIsTheDriversError() throws IOException {
        Path notADirectory = Files.createFile(work.resolve("work"));
        RunnerContext context = contextAt(notADirectory, WorkerHealth.HEALTHY);

        start(CommandSpec.executable("/bin/true", List.of()), false, null, context);
        awaitFinalReport();

        assertThat(recorder.last().state()).isEqualTo(DriverState.ERROR);
        assertThat(recorder.last().workerFault()).isNull();
    }

    @Test
    void theDriverGetsItsOwnTokenAndNeverTheWorkersCredentials() throws IOException {
        DriverTokens tokens = new DriverTokens(ClusterSecret.of("the-workers-cluster-secret"));
        Map<String, String> workerEnvironment = new java.util.HashMap<>(System.getenv());
        workerEnvironment.put("DROVER_AUTH_SECRET", "the-workers-cluster-secret");
        workerEnvironment.put("DROVER_AUTH_TOKENS_0_TOKEN", "someones-named-token");
        RunnerContext context = processes.context(work, QUICK_RESTARTS, Duration.ofSeconds(5), workerEnvironment, tokens);
        DriverRunner runner = start(shell("echo \"$DROVER_AUTH_TOKEN\"; env"), false, null, context);

        awaitFinalReport();

        List<String> lines = Files.readAllLines(work.resolve(runner.driverId()).resolve("stdout"));
        assertThat(tokens.verify(lines.get(0))).hasValue(runner.driverId());
        assertThat(lines).noneMatch(line -> line.contains("the-workers-cluster-secret"))
                .noneMatch(line -> line.contains("someones-named-token"));
    }

    @Test
    void aKilledDriverEndsKilledAndLeavesNoProcessOfItsTreeAlive() {
        DriverRunner runner = start(shell("sleep 300 & sleep 300; wait"), false);
        awaitRunning();
        List<ProcessHandle> tree = awaitTree(awaitPid(runner), 2);

        runner.kill(true);
        awaitFinalReport();

        assertThat(recorder.last().state()).isEqualTo(DriverState.KILLED);
        RealProcesses.assertNoneAlive(tree);
    }

    @Test
    void aTreeThatIgnoresSigtermIsKilledAfterTheGracePeriod() {
        // An ignored signal stays ignored across exec, so the sleeps ignore SIGTERM too.
        DriverRunner runner = start(shell("trap '' TERM; sleep 300 & sleep 300; wait"), false, null,
                context(QUICK_RESTARTS, Duration.ofMillis(300)));
        awaitRunning();
        List<ProcessHandle> tree = awaitTree(awaitPid(runner), 2);

        runner.kill(true);
        awaitFinalReport();

        assertThat(recorder.last().state()).isEqualTo(DriverState.KILLED);
        assertThat(recorder.last().exitCode()).isEqualTo(137); // 128 + SIGKILL
        RealProcesses.assertNoneAlive(tree);
    }

    @Test
    void aSupervisedDriverThatFailsIsRestartedAndItsRestartsCount() {
        DriverRunner runner = start(shell("exit 1"), true);

        await().atMost(WAIT).until(() -> recorder.reports.stream().anyMatch(r -> r.restarts() >= 3));

        assertThat(recorder.reports).allMatch(r -> r.state() == DriverState.RUNNING);
        assertThat(recorder.reports).extracting(DriverStateChanged::restarts).startsWith(0, 1, 2, 3);
        assertThat(runner.view().restarts()).isGreaterThanOrEqualTo(3);
    }

    /**
     * The worker reopens a restarted driver's logs as root, in a directory the driver owned: links it left
     * where its logs go must not make the worker write through them (issue 10's isolation, root only).
     */
    @Test
    void aRestartNeverWritesThroughLinksTheDriverLeftWhereItsLogsGo() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.drover.worker.config.RunningUser.isRoot(),
                "the driver runs as the worker's own user without root; skipped");
        Path precious = Files.writeString(resources.resolve("precious"), "precious\n");
        DriverRunner runner = start(shell("if [ ! -e ran ]; then touch ran; "
                + "ln -s " + precious + " out && mv -f out stdout; ln -s " + precious + " err && mv -f err stderr; "
                + "exit 1; fi; echo second run; sleep 600"), true);

        await().atMost(WAIT).until(() -> recorder.reports.stream().anyMatch(r -> r.restarts() >= 1));
        Path dir = work.resolve(runner.driverId());
        await().atMost(WAIT).until(() -> Files.isRegularFile(dir.resolve("stdout"), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && Files.readString(dir.resolve("stdout")).contains("second run"));

        assertThat(precious).hasContent("precious");
    }

    @Test
    void aKillDuringTheSuperviseWaitEndsKilledWithoutStartingAgain() {
        SupervisePolicy slowRestarts = new SupervisePolicy(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(5));
        DriverRunner runner = start(shell("exit 1"), true, null, context(slowRestarts, Duration.ofSeconds(5)));
        await().atMost(WAIT).until(() -> Integer.valueOf(1).equals(runner.view().exitCode()));

        runner.kill(true);
        awaitFinalReport();

        assertThat(recorder.states()).containsExactly(DriverState.RUNNING, DriverState.KILLED);
        assertThat(recorder.last().message()).isEqualTo("killed while waiting to restart");
        assertThat(recorder.last().restarts()).isZero();
    }

    @Test
    void aSilentKillEndsTheDriverWithoutAReport() throws Exception {
        DriverRunner runner = start(shell("sleep 300"), false);
        awaitRunning();

        runner.kill(false);
        runner.whenEnded().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(recorder.states()).containsExactly(DriverState.RUNNING);
        assertThat(recorder.ended).containsExactly(runner);
        assertThat(runner.view().state()).isEqualTo(DriverState.KILLED);
    }

    @Test
    void aMissingExecutableEndsInErrorWithAMessage() {
        start(CommandSpec.executable("/nonexistent/program", List.of()), false);

        awaitFinalReport();

        assertThat(recorder.states()).containsExactly(DriverState.ERROR);
        assertThat(recorder.last().message()).startsWith("could not start:").contains("/nonexistent/program");
        assertThat(recorder.last().exitCode()).isNull();
    }

    @Test
    void theAppResourceIsFetchedIntoTheDriverDirectoryFirst() throws IOException {
        Path resource = Files.writeString(Files.createDirectories(resources.resolve("elsewhere")).resolve("job.txt"), "payload");
        DriverRunner runner = start(shell("cat {{APP_RESOURCE}}; echo; echo $DROVER_APP_RESOURCE"), false,
                resource.toUri().toString(), context(QUICK_RESTARTS, Duration.ofSeconds(5)));

        awaitFinalReport();

        Path local = work.resolve(runner.driverId()).resolve("job.txt");
        assertThat(recorder.last().state()).isEqualTo(DriverState.FINISHED);
        assertThat(Files.readString(work.resolve(runner.driverId()).resolve("stdout"))).isEqualTo("payload\n" + local + "\n");
    }

    @Test
    void anAppResourceThatCannotBeFetchedEndsInError() {
        start(CommandSpec.executable("/bin/true", List.of()), false, resources.resolve("missing.jar").toUri().toString(),
                context(QUICK_RESTARTS, Duration.ofSeconds(5)));

        awaitFinalReport();

        assertThat(recorder.states()).containsExactly(DriverState.ERROR);
        assertThat(recorder.last().message()).contains("could not be fetched");
    }

    @Test
    void theEndIsAnnouncedOnceSoTheRegistryCanFreeTheResources() {
        DriverRunner runner = start(CommandSpec.executable("/bin/true", List.of()), false);

        await().atMost(WAIT).until(runner.whenEnded()::isDone);

        assertThat(recorder.ended).containsExactly(runner);
    }
}

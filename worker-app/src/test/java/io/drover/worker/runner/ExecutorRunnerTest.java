package io.drover.worker.runner;

import static io.drover.worker.runner.RealProcesses.WAIT;
import static io.drover.worker.runner.RealProcesses.awaitTree;
import static io.drover.worker.runner.RealProcesses.shell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.ExecutorDescription;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.state.ExecutorState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real executor processes: the states they go through, their environment, their logs and kills of whole trees. */
class ExecutorRunnerTest {

    private static final String APP = "app-20260101000000-0001";

    @TempDir
    Path work;

    /** Where app resources come from: allowed, and outside the work directory, as a worker requires. */
    @TempDir
    Path resources;

    private final RealProcesses processes = new RealProcesses();
    private final List<ExecutorRunner> runners = new ArrayList<>();
    private final RecordingListener.OfExecutors recorder = new RecordingListener.OfExecutors();
    private int nextId;

    @BeforeEach
    void checkNoChildrenYet() {
        RealProcesses.assertNoChildren();
    }

    @AfterEach
    void leaveNoProcessBehind() throws Exception {
        runners.forEach(runner -> runner.kill(false, "test over"));
        processes.close(runners.stream().map(ExecutorRunner::whenEnded).toList());
    }

    private RunnerContext contextWithResources(Duration killGrace) {
        processes.allowResourcesFrom(resources, work);
        return processes.context(work, SupervisePolicy.standard(), killGrace);
    }

    private ExecutorRunner start(CommandSpec command, String appResource, Duration killGrace) {
        ExecutorDescription description =
                new ExecutorDescription("test app", command, appResource, 2, 256, "http://driver:4040");
        ExecutorRunner runner = new ExecutorRunner(APP, nextId++, description, RealProcesses.SITE,
                contextWithResources(killGrace), recorder);
        runners.add(runner);
        runner.start();
        return runner;
    }

    private ExecutorRunner start(CommandSpec command) {
        return start(command, null, Duration.ofSeconds(5));
    }

    private Path dirOf(ExecutorRunner runner) {
        return work.resolve(APP).resolve(Integer.toString(runner.executorId()));
    }

    private void awaitFinalReport() {
        await().atMost(WAIT).until(recorder::hasFinal);
    }

    @Test
    void aCleanExitEndsExitedAndTheExecutorSawItsIdsAndLocalDirectory() throws IOException {
        ExecutorRunner runner = start(shell(
                "echo $DROVER_APP_ID/$DROVER_EXECUTOR_ID; test -d \"$DROVER_LOCAL_DIRS\" && echo $DROVER_LOCAL_DIRS;"
                        + " exit 0"));

        awaitFinalReport();

        assertThat(recorder.states()).containsExactly(ExecutorState.LAUNCHING, ExecutorState.RUNNING,
                ExecutorState.EXITED);
        assertThat(recorder.last().exitCode()).isZero();
        assertThat(recorder.last().message()).isNull();
        assertThat(Files.readString(dirOf(runner).resolve("stdout")))
                .isEqualTo(APP + "/0\n" + work.resolve(APP).resolve("local") + "\n");
        assertThat(recorder.ended).containsExactly(runner);
    }

    @Test
    void placeholdersAreSubstitutedAndExported() throws IOException {
        ExecutorRunner runner = start(shell("echo {{APP_ID}} {{EXECUTOR_ID}} {{CORES}} {{MEMORY_MB}} {{DRIVER_URL}}"
                + " {{WORKER_URL}} {{HOSTNAME}}; echo $DROVER_CORES $DROVER_MEMORY_MB $DROVER_DRIVER_URL"
                + " $DROVER_WORKER_URL $DROVER_HOSTNAME $DROVER_MASTER_URL"));

        awaitFinalReport();

        assertThat(Files.readAllLines(dirOf(runner).resolve("stdout"))).containsExactly(
                APP + " 0 2 256 http://driver:4040 http://worker:8081 localhost",
                "2 256 http://driver:4040 http://worker:8081 localhost http://master:8080");
    }

    @Test
    void aNonZeroExitEndsFailedWithTheExitCode() {
        start(shell("echo oops >&2; exit 3"));

        awaitFinalReport();

        assertThat(recorder.states()).containsExactly(ExecutorState.LAUNCHING, ExecutorState.RUNNING,
                ExecutorState.FAILED);
        assertThat(recorder.last().exitCode()).isEqualTo(3);
        assertThat(recorder.last().message()).isEqualTo("exited with code 3");
    }

    @Test
    void aMissingExecutableFailsWithAMessageAndLeavesNothingRunning() throws IOException {
        ExecutorRunner runner = start(CommandSpec.executable("/nonexistent/program", List.of()));

        awaitFinalReport();

        assertThat(recorder.states()).containsExactly(ExecutorState.LAUNCHING, ExecutorState.FAILED);
        assertThat(recorder.last().message()).startsWith("could not launch:").contains("/nonexistent/program");
        assertThat(recorder.last().exitCode()).isNull();
        assertThat(recorder.ended).containsExactly(runner);
        assertThat(runner.view().pid()).isNull();
        assertThat(runner.whenEnded()).isDone();
        assertThat(ProcessHandle.current().descendants()).isEmpty();
        assertThat(Files.readString(dirOf(runner).resolve("stderr"))).contains("could not start");
    }

    @Test
    void anAppResourceThatCannotBeFetchedFailsWithAMessage() {
        start(CommandSpec.executable("/bin/true", List.of()), resources.resolve("missing.jar").toUri().toString(),
                Duration.ofSeconds(5));

        awaitFinalReport();

        assertThat(recorder.states()).containsExactly(ExecutorState.LAUNCHING, ExecutorState.FAILED);
        assertThat(recorder.last().message()).startsWith("could not launch:").contains("could not be fetched");
    }

    @Test
    void theAppResourceIsFetchedIntoTheExecutorDirectory() throws IOException {
        Path resource = Files.writeString(Files.createDirectories(resources.resolve("elsewhere")).resolve("job.txt"),
                "payload");
        ExecutorRunner runner = start(shell("cat {{APP_RESOURCE}}; echo; echo $DROVER_APP_RESOURCE"),
                resource.toUri().toString(), Duration.ofSeconds(5));

        awaitFinalReport();

        Path local = dirOf(runner).resolve("job.txt");
        assertThat(recorder.last().state()).isEqualTo(ExecutorState.EXITED);
        assertThat(Files.readString(dirOf(runner).resolve("stdout"))).isEqualTo("payload\n" + local + "\n");
    }

    /**
     * Issue 13: executors link the worker's one copy of the app resource. Under process isolation (root only) a
     * hostile one can read its link and drop it, but not change what the next executor gets.
     */
    @Test
    void anExecutorCannotChangeTheAppResourceItsSiblingsGet() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.drover.worker.config.RunningUser.isRoot(),
                "without root the executor runs as the worker's own user, the owner of the cache; skipped");
        String url = Files.writeString(resources.resolve("job.txt"), "payload").toUri().toString();
        ExecutorRunner hostile = start(shell("cat {{APP_RESOURCE}}; echo; chmod u+w {{APP_RESOURCE}}; "
                + "echo evil > {{APP_RESOURCE}}; rm -f {{APP_RESOURCE}} && echo dropped"), url, Duration.ofSeconds(5));
        awaitFinalReport();

        ExecutorRunner next = start(shell("cat {{APP_RESOURCE}}"), url, Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> recorder.reports.stream().filter(r -> r.state().isTerminal()).count() == 2);

        assertThat(Files.readString(dirOf(hostile).resolve("stdout"))).isEqualTo("payload\ndropped\n");
        assertThat(Files.readString(dirOf(hostile).resolve("stderr"))).contains("Operation not permitted");
        assertThat(dirOf(hostile).resolve("job.txt")).doesNotExist();
        assertThat(Files.readString(dirOf(next).resolve("stdout"))).isEqualTo("payload");
    }

    @Test
    void aKilledExecutorEndsKilledAndLeavesNoProcessOfItsTreeAlive() {
        ExecutorRunner runner = start(shell("sleep 300 & wait"));
        Long pid = await().atMost(WAIT).until(() -> runner.view().pid(), java.util.Objects::nonNull);
        List<ProcessHandle> tree = awaitTree(pid, 1);

        runner.kill(true, "killed");
        awaitFinalReport();

        assertThat(recorder.states()).containsExactly(ExecutorState.LAUNCHING, ExecutorState.RUNNING,
                ExecutorState.KILLED);
        assertThat(recorder.last().message()).isEqualTo("killed");
        assertThat(tree).hasSize(2);
        RealProcesses.assertNoneAlive(tree);
    }

    @Test
    void aSilentKillEndsTheExecutorWithoutAFinalReport() throws Exception {
        ExecutorRunner runner = start(shell("sleep 300"));
        await().atMost(WAIT).until(() -> recorder.states().contains(ExecutorState.RUNNING));

        runner.kill(false, "killed");
        runner.whenEnded().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(recorder.states()).containsExactly(ExecutorState.LAUNCHING, ExecutorState.RUNNING);
        assertThat(recorder.ended).containsExactly(runner);
        assertThat(runner.view().state()).isEqualTo(ExecutorState.KILLED);
    }

    @Test
    void executorsOfOneApplicationShareItsLocalDirectory() throws IOException {
        start(shell("echo $DROVER_LOCAL_DIRS"));
        start(shell("echo $DROVER_LOCAL_DIRS"));

        await().atMost(WAIT).until(() -> recorder.reports.stream().filter(r -> r.state().isTerminal()).count() == 2);

        Path local = work.resolve(APP).resolve("local");
        assertThat(Files.readString(work.resolve(APP).resolve("0").resolve("stdout"))).isEqualTo(local + "\n");
        assertThat(Files.readString(work.resolve(APP).resolve("1").resolve("stdout"))).isEqualTo(local + "\n");
        // The owner, and under process isolation the application's group (its executors' uids differ): nobody else.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(local))).endsWith("---");
    }
}

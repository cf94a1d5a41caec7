package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.client.DroverClient;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import io.drover.worker.config.RunningUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 on real parts: a worker running as root (as CI does) isolates its children by default, and a
 * driver submitted with a plain {@code submit} token cannot reach the cluster's credentials, another
 * driver's processes or files, or more memory and CPU than it asked for.
 */
class IsolationOnAClusterTest {

    private static final String ALICE = "isolation-test-alice-token";
    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    static Path work;
    private static TestCluster cluster;
    private static DroverClient alice;
    private static Path secretFile;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(RunningUser.isRoot(), "process isolation needs a worker running as root; skipped");
        secretFile = work.resolve("cluster-secret");
        Files.writeString(secretFile, Credentials.SECRET);
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
        cluster = TestCluster.start(work, "--drover.auth.tokens[0].name=alice", "--drover.auth.tokens[0].token=" + ALICE,
                "--drover.auth.tokens[0].role=submit");
        // The worker reads the secret from its file, as a real one should: no secret on its command line.
        cluster.addWorker(2, 4096, "--drover.auth.secret-file=" + secretFile);
        alice = DroverClient.builder(cluster.masterUrl).bearerToken(ALICE).build();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
            NoProcessesLeft.assertNoneLeft();
        }
    }

    private static String submit(String name, String script, String... args) {
        return submit(name, 1, 256, script, args);
    }

    private static String submit(String name, int cores, long memoryMb, String script, String... args) {
        List<String> arguments = new java.util.ArrayList<>(List.of("-c", script, name));
        arguments.addAll(List.of(args));
        return alice.submitDriver(new SubmitDriverRequest(name, null, CommandSpec.executable("/bin/sh", arguments),
                cores, memoryMb, false));
    }

    private static DriverView awaitEnd(String driverId) {
        return await().atMost(LONG).until(() -> alice.driver(driverId), d -> d.state().isTerminal());
    }

    private static String stdout(String driverId) {
        return alice.driverLog(driverId, LogStream.STDOUT, 0, 1 << 20);
    }

    private static long awaitPid(String driverId) {
        return await().atMost(LONG).until(() -> WorkerProbe.driverPid(cluster.workerUrl(1), driverId), p -> p != null);
    }

    /** Issue 10: a driver read the worker's environ, the secret, and another driver's environment and files. */
    @Test
    void aDriverCannotReadTheWorkersEnvironmentTheSecretFileOrAnotherDriversProcessOrFiles() throws Exception {
        String victim = submit("victim", "echo victim-data > mine.txt; exec sleep 600");
        long victimPid = awaitPid(victim);
        Path victimDir = cluster.workDir(1).resolve(victim);
        await().atMost(LONG).until(() -> Files.exists(victimDir.resolve("mine.txt")));

        String attacker = submit("attacker", """
                try() { if "$@" >/dev/null 2>&1; then echo "LEAK: $*"; else echo "refused: $1 $2"; fi; }
                try cat /proc/$1/environ
                try cat /proc/$1/cmdline
                try cat $2
                try cat /proc/$3/environ
                try ls $4
                try cat $4/mine.txt
                echo done
                """, Long.toString(ProcessHandle.current().pid()), secretFile.toString(), Long.toString(victimPid),
                victimDir.toString());

        assertThat(awaitEnd(attacker).state()).isEqualTo(DriverState.FINISHED);
        String out = stdout(attacker);
        assertThat(out).contains("done").doesNotContain("LEAK").doesNotContain(Credentials.SECRET);
        assertThat(out.lines().filter(line -> line.startsWith("refused"))).hasSize(6);
        alice.killDriver(victim);
        awaitEnd(victim);
    }

    /** Issue 10: an appResource of file:/proc/<worker>/environ copied the worker's environment to the driver. */
    @Test
    void procAsAnAppResourceIsRefusedAndNothingIsCopied() {
        String driverId = alice.submitDriver(new SubmitDriverRequest("proc", "file:/proc/"
                + ProcessHandle.current().pid() + "/environ", CommandSpec.executable("/bin/true", List.of()), 1, 64L,
                false));

        DriverView done = awaitEnd(driverId);

        assertThat(done.state()).isEqualTo(DriverState.ERROR);
        assertThat(done.message()).contains("allowed-resource-dirs").doesNotContain(Credentials.SECRET);
        assertThat(cluster.workDir(1).resolve(driverId).resolve("environ")).doesNotExist();
    }

    @Test
    void twoConcurrentDriversSeeOnlyTheirOwnProcessesAndRunUnderDifferentUids() throws Exception {
        String script = """
                sleep $1 & echo uid=$(id -u)
                while [ ! -e go ]; do sleep 0.1; done
                for f in /proc/[0-9]*/cmdline; do tr '\\000' ' ' < $f; echo; done
                kill $!
                """;
        String first = submit("first", script, "701");
        String second = submit("second", script, "702");
        for (String driverId : List.of(first, second)) {
            awaitPid(driverId);
            await().atMost(LONG).until(() -> stdout(driverId).contains("uid="));
        }
        // Both run now; the test, as root, tells them to look.
        Files.writeString(cluster.workDir(1).resolve(first).resolve("go"), "");
        Files.writeString(cluster.workDir(1).resolve(second).resolve("go"), "");
        awaitEnd(first);
        awaitEnd(second);

        String firstOut = stdout(first);
        String secondOut = stdout(second);
        assertThat(firstOut).contains("sleep 701").doesNotContain("sleep 702").doesNotContain("java");
        assertThat(secondOut).contains("sleep 702").doesNotContain("sleep 701").doesNotContain("java");
        long firstUid = uid(firstOut);
        long secondUid = uid(secondOut);
        assertThat(firstUid).isNotEqualTo(secondUid).isBetween(61184L, 65519L);
        assertThat(secondUid).isBetween(61184L, 65519L);
    }

    /** Hadoop's login in every Spark driver and executor fails for a uid without a name ("Invalid UID"). */
    @Test
    void aDriverHasAUserNameOfItsOwnWhileTheHostsPasswdStaysAsItWas() throws Exception {
        String hostPasswd = Files.readString(Path.of("/etc/passwd"));
        String driverId = submit("named", "echo uid=$(id -u) name=$(id -un) home=$(getent passwd $(id -u) | cut -d: -f6)");

        assertThat(awaitEnd(driverId).state()).isEqualTo(DriverState.FINISHED);
        String out = stdout(driverId);
        assertThat(out).contains("name=drover-" + uid(out) + " ")
                .contains("home=" + cluster.workDir(1).resolve(driverId));
        assertThat(Files.readString(Path.of("/etc/passwd"))).isEqualTo(hostPasswd);
    }

    private static long uid(String out) {
        Matcher matcher = Pattern.compile("uid=(\\d+)").matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void aDriverUsingMoreMemoryThanItsMemoryMbIsKilledAndEndsFailedSayingSo() {
        // tail keeps everything it reads until the end: 200 MB of it in a driver given 64
        String driverId = submit("hungry", 1, 64, "head -c 200000000 /dev/zero | tail > /dev/null");

        DriverView done = awaitEnd(driverId);

        assertThat(done.state()).isEqualTo(DriverState.FAILED);
        assertThat(done.message()).contains("used more than its 64 MiB of memory");
    }

    @Test
    void aOneCoreDriverGetsAboutOneCoreOfCpuTimeWhateverItsThreads() throws Exception {
        Path jar = TestJars.jarOf(work, BusyMain.class);
        String driverId = alice.submitDriver(new SubmitDriverRequest("busy", jar.toUri().toString(),
                CommandSpec.jvm(BusyMain.class.getName(), List.of("{{APP_RESOURCE}}"), List.of("4000")), 1, 256L,
                false));

        assertThat(awaitEnd(driverId).state()).isEqualTo(DriverState.FINISHED);
        Matcher matcher = Pattern.compile("cpu=(\\d+) wall=(\\d+)").matcher(stdout(driverId));
        assertThat(matcher.find()).isTrue();
        double coresUsed = Double.parseDouble(matcher.group(1)) / Double.parseDouble(matcher.group(2));
        // Two spinning threads would take both cores of the machine; the quota holds them to one.
        assertThat(coresUsed).isLessThan(1.25);
    }

    /** Issue 10: a double-forked child of a driver survived the driver's kill. */
    @Test
    void aDoubleForkedDescendantIsGoneAfterItsDriverIsKilled() {
        String driverId = submit("forker", "(setsid sh -c 'exec sleep 733' &); exec sleep 600");
        awaitPid(driverId);
        ProcessHandle escaped = await().atMost(LONG).until(() -> sleeping("733"), found -> found.size() == 1).get(0);

        alice.killDriver(driverId);

        assertThat(awaitEnd(driverId).state()).isEqualTo(DriverState.KILLED);
        await().atMost(Duration.ofSeconds(5)).until(() -> !escaped.isAlive());
    }

    /**
     * Issue 10: log reads checked the path, then opened it; a driver swapping its stderr between a file and a
     * symlink to /etc/passwd got /etc/passwd served. For ten seconds of swapping, never once.
     */
    @Test
    void aDriverSwappingItsStderrForALinkToEtcPasswdNeverGetsItServed() throws Exception {
        String driverId = submit("swapper", """
                end=$(( $(date +%s) + 15 ))
                while [ $(date +%s) -lt $end ]; do
                  ln -sf /etc/passwd link && mv -f link stderr
                  echo plain > file && mv -f file stderr
                done
                """);
        awaitPid(driverId);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var request = Credentials.authorized(cluster.workerUrl(1) + "/api/v1/logs/drivers/" + driverId + "/stderr")
                .GET().build();
        int served = 0;
        int refused = 0;
        for (long end = System.nanoTime() + Duration.ofSeconds(10).toNanos(); System.nanoTime() < end; ) {
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).doesNotContain("root:x:0:0");
            if (response.statusCode() == 200) {
                served++;
            } else {
                assertThat(response.statusCode()).isIn(400, 404); // a link out, or not a plain file when opened
                refused++;
            }
        }
        assertThat(served).as("reads that found the plain file").isPositive();
        assertThat(refused).as("reads that found the link").isPositive();
        alice.killDriver(driverId);
        awaitEnd(driverId);
    }

    /**
     * {@code sleep <seconds>} processes anywhere on the machine: the number marks which test started them
     * (the wrappers' command lines hold the script, so a match on the whole line would find those too).
     */
    static List<ProcessHandle> sleeping(String... seconds) {
        List<String> wanted = List.of(seconds);
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)
                && p.info().arguments().map(a -> a.length == 1 && wanted.contains(a[0])).orElse(false)).toList();
    }
}

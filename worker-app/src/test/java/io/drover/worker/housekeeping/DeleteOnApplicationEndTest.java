package io.drover.worker.housekeeping;

import static io.drover.worker.RegisteredWorker.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.protocol.state.ExecutorState;
import io.drover.worker.FakeMaster;
import io.drover.worker.RegisteredWorker;
import io.drover.worker.TestWorker;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drover.worker.cleanup.on-application-end}: an application's directories go as soon as it is over here. */
class DeleteOnApplicationEndTest {

    private static final String APP = "app-20260101000000-0001";

    @TempDir
    static Path work;

    private static RegisteredWorker registered;
    private static FakeMaster master;
    private static TestWorker worker;

    @BeforeAll
    static void start() throws Exception {
        registered = RegisteredWorker.start(work, "drover.worker.cleanup.on-application-end=true");
        master = registered.master;
        worker = registered.worker;
    }

    @AfterAll
    static void stop() {
        registered.close();
    }

    @Test
    void anEndedApplicationsDirectoriesGoOnceItsLastExecutorIsGone() throws Exception {
        HttpResponse<String> launched = worker.postJson("/internal/v1/executors", """
                {"masterUrl": "%s", "epoch": 7, "appId": "%s", "executorId": 0,
                 "description": {"appName": "test", "command": {"executable": "/bin/sh", "arguments": ["-c", "sleep 30"]},
                                 "cores": 1, "memoryMb": 64, "driverUrl": "http://driver:4040"}}
                """.formatted(master.url(), APP));
        assertThat(launched.statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> master.executorStates(APP, 0).contains(ExecutorState.RUNNING));
        // running: nothing is deleted, whatever the settings
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> Files.exists(work.resolve(APP).resolve("0")));

        worker.postJson("/internal/v1/applications/" + APP + "/finished",
                "{\"masterUrl\": \"" + master.url() + "\", \"epoch\": 7}");

        await().atMost(WAIT).until(() -> !Files.exists(work.resolve(APP)));
        // The report travels on its own thread: it may reach the master after the directory is gone.
        await().atMost(WAIT).until(() -> master.executorStates(APP, 0).contains(ExecutorState.KILLED));
    }
}

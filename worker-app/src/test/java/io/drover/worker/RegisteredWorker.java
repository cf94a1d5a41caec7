package io.drover.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.worker.registration.MasterLink;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import io.drover.protocol.api.WorkerStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real worker registered with a fake master at epoch 7: what the master's commands are tested against.
 * Closing it also checks that no process outlived the worker.
 */
public final class RegisteredWorker implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final FakeMaster master;
    public final TestWorker worker;

    private RegisteredWorker(FakeMaster master, TestWorker worker) {
        this.master = master;
        this.worker = worker;
    }

    public static RegisteredWorker start(Path work, String... extraProperties) throws IOException {
        FakeMaster master = new FakeMaster();
        TestWorker worker = TestWorker.start(work, master.url(), extraProperties);
        await().atMost(WAIT).until(() -> worker.bean(MasterLink.class).isRegistered());
        return new RegisteredWorker(master, worker);
    }

    /** What the worker says of itself, {@code GET /api/v1/worker}. */
    public WorkerStatus status() throws IOException, InterruptedException {
        HttpResponse<String> response = worker.get("/api/v1/worker");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), WorkerStatus.class);
    }

    @Override
    public void close() {
        worker.close();
        master.close();
        assertThat(ProcessHandle.current().descendants()).isEmpty();
    }

    /** Every refused command answers with a problem document, whatever the reason. */
    public static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}

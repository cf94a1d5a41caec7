package io.drover.worker.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.worker.FakeMaster;
import io.drover.worker.TestWorker;
import io.drover.worker.registration.MasterLink;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real worker registered with a fake master at epoch 7: what the master's commands are tested against.
 * Closing it also checks that no process outlived the worker.
 */
final class RegisteredWorker implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    final FakeMaster master;
    final TestWorker worker;

    private RegisteredWorker(FakeMaster master, TestWorker worker) {
        this.master = master;
        this.worker = worker;
    }

    static RegisteredWorker start(Path work) throws IOException {
        FakeMaster master = new FakeMaster();
        TestWorker worker = TestWorker.start(work, master.url());
        await().atMost(WAIT).until(() -> worker.bean(MasterLink.class).isRegistered());
        return new RegisteredWorker(master, worker);
    }

    @Override
    public void close() {
        worker.close();
        master.close();
        assertThat(ProcessHandle.current().descendants()).isEmpty();
    }

    /** Every refused command answers with a problem document, whatever the reason. */
    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}

package io.drover.worker.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.worker.RegisteredWorker;
import io.drover.worker.TestWorker;
import io.drover.server.security.ClusterSecret;
import io.drover.server.security.DriverTokens;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker cannot tell whether a driver elsewhere has ended, so it takes no driver tokens (issue 10): a
 * driver reads its logs through the master, which checks that it still runs.
 */
class DriverTokensOnTheWorkerTest {

    @TempDir
    Path work;
    private RegisteredWorker registered;

    @BeforeEach
    void start() throws Exception {
        registered = RegisteredWorker.start(work);
    }

    @AfterEach
    void stop() {
        registered.close();
    }

    @Test
    void aGenuineDriverTokenIsRefusedWith401() throws Exception {
        String token = new DriverTokens(ClusterSecret.of(TestWorker.SECRET)).issue("driver-20260101000000-0001");
        TestWorker worker = registered.worker;

        HttpResponse<String> state = worker.send(worker.requestAs("/api/v1/worker", token).build());
        HttpResponse<String> log = worker.send(worker.requestAs(
                "/api/v1/logs/drivers/driver-20260101000000-0001/stdout", token).build());

        assertThat(state.statusCode()).isEqualTo(401);
        assertThat(log.statusCode()).isEqualTo(401);
        assertThat(worker.send(worker.requestAs("/api/v1/worker", TestWorker.SECRET).build()).statusCode())
                .isEqualTo(200);
    }
}

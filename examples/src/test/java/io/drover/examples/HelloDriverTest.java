package io.drover.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloDriverTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void greetsWithItsEnvironmentAndCountsPrimes() {
        Map<String, String> env = Map.of(
                "DROVER_DRIVER_ID", "driver-20240101120000-0001",
                "DROVER_CORES", "1",
                "DROVER_MEMORY_MB", "256",
                "DROVER_WORKER_URL", "http://127.0.0.1:8081",
                "DROVER_HOSTNAME", "node-7");

        int status = run(env, "200000");

        assertThat(status).isZero();
        assertThat(text(out))
                .contains("Hello from Drover driver driver-20240101120000-0001")
                .contains("host:      node-7")
                .contains("cores:     1")
                .contains("memory MB: 256")
                .contains("worker:    http://127.0.0.1:8081")
                .contains("primes below 200000: 17984");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void usesTheDefaultBoundWithoutArguments() {
        assertThat(run(Map.of())).isZero();

        assertThat(text(out)).contains("(not on a worker)").contains("primes below 100000: 9592");
    }

    @Test
    void aBadArgumentExitsWithUsage() {
        assertThat(run(Map.of(), "lots")).isEqualTo(2);
        assertThat(run(Map.of(), "-5")).isEqualTo(2);

        assertThat(text(err)).contains("usage: HelloDriver");
        assertThat(text(out)).isEmpty();
    }

    private int run(Map<String, String> env, String... args) {
        return HelloDriver.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}

package io.drover.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated workers' client against a real HTTP server on a random loopback port. */
class OneShotHttpTest {

    private final ExecutorService completions = Executors.newFixedThreadPool(2);
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + exchange.getRequestHeaders().getFirst("Connection"));
                // Length 0: the JDK server answers in chunks, as Tomcat does for a body it streams.
                exchange.sendResponseHeaders(201, exchange.getRequestURI().getQuery() != null ? 0 : body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.createContext("/hang", exchange -> {
            try (exchange) {
                release.await(10, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(serverThreads);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
        completions.shutdownNow();
    }

    @Test
    void aPostGetsItsStatusAndBodyOnAConnectionOfItsOwn() {
        try (OneShotHttp http = new OneShotHttp(completions, Duration.ofSeconds(5))) {
            OneShotHttp.Response response = http.post(base + "/echo", bytes("{\"a\":1}"), "Authorization: Bearer t")
                    .join();

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
            assertThat(received).containsExactly("Bearer t close");
        }
    }

    @Test
    void aChunkedAnswerIsDecoded() {
        try (OneShotHttp http = new OneShotHttp(completions, Duration.ofSeconds(5))) {
            OneShotHttp.Response response = http.post(base + "/echo?chunked", bytes("x".repeat(70_000))).join();

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).hasSize(70_000);
        }
    }

    @Test
    void manyCallsAreInFlightAtOnce() {
        try (OneShotHttp http = new OneShotHttp(completions, Duration.ofSeconds(10))) {
            List<CompletableFuture<OneShotHttp.Response>> calls = IntStream.range(0, 500)
                    .mapToObj(i -> http.post(base + "/echo", bytes("call " + i))).toList();

            assertThat(calls).allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(201));
            assertThat(received).hasSize(500);
        }
    }

    @Test
    void aCallWithoutAnAnswerFailsAtItsTimeout() {
        try (OneShotHttp http = new OneShotHttp(completions, Duration.ofMillis(300))) {
            CompletableFuture<OneShotHttp.Response> call = http.post(base + "/hang", bytes("{}"));

            assertThatThrownBy(call::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(HttpTimeoutException.class);
        }
    }

    @Test
    void aRefusedConnectionFailsTheCall() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (OneShotHttp http = new OneShotHttp(completions, Duration.ofSeconds(5))) {
            CompletableFuture<OneShotHttp.Response> call = http.post("http://127.0.0.1:" + closedPort + "/x",
                    bytes("{}"));

            assertThatThrownBy(call::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

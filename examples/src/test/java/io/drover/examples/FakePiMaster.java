package io.drover.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Just enough of a master for {@link PiDriver}: takes the registration and starts {@code executors}
 * {@link PiExecutor}s as threads of this JVM with the environment a worker would give them, serves the
 * event stream (the executors, RUNNING, then FINISHED once the driver finishes the application), and
 * records the calls. With {@code executors = 0} it kills the application instead, at once.
 */
final class FakePiMaster implements AutoCloseable {

    static final String APP_ID = "app-20240101120000-0001";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final int executors;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Future<Integer>> executorRuns = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile JsonNode registration;

    FakePiMaster(int executors) throws IOException {
        this.executors = executors;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    JsonNode registration() {
        return registration;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    /** The exit statuses of the executors it started. */
    List<Integer> executorStatuses() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> run : executorRuns) {
            statuses.add(run.get(30, TimeUnit.SECONDS));
        }
        return statuses;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            calls.add(call);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (call.equals("POST /api/v1/applications")) {
                registration = JsonMapper.shared().readTree(body);
                String driverUrl = registration.get("driverUrl").asString();
                for (int i = 0; i < executors; i++) {
                    Map<String, String> env = Map.of("DROVER_APP_ID", APP_ID, "DROVER_EXECUTOR_ID", Integer.toString(i),
                            "DROVER_DRIVER_URL", driverUrl, "DROVER_WORKER_URL", "http://127.0.0.1:" + (8081 + i));
                    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                    executorRuns.add(threads.submit(() -> PiExecutor.run(env, quiet, quiet)));
                }
                reply(exchange, 201, "application/json", "{\"appId\":\"" + APP_ID + "\"}");
            } else if (call.equals("GET /api/v1/applications/" + APP_ID + "/events")) {
                events(exchange);
            } else if (call.equals("POST /api/v1/applications/" + APP_ID + "/finish")
                    || call.equals("POST /api/v1/applications/" + APP_ID + "/kill")) {
                finished.countDown();
                exchange.sendResponseHeaders(202, -1);
            } else {
                reply(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}");
            }
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long sequence = 0;
        for (int i = 0; i < executors; i++) {
            sequence++;
            event(out, "executor-added", sequence, "{\"type\":\"EXECUTOR_ADDED\",\"sequence\":" + sequence
                    + ",\"appId\":\"" + APP_ID + "\",\"executor\":{\"appId\":\"" + APP_ID + "\",\"executorId\":" + i
                    + ",\"workerId\":\"worker-" + i + "\",\"workerUrl\":\"http://127.0.0.1:" + (8081 + i)
                    + "\",\"cores\":1,\"memoryMb\":256,\"state\":\"RUNNING\"}}");
        }
        String state = executors == 0 ? "KILLED" : "RUNNING";
        sequence++;
        event(out, "application-state", sequence, "{\"type\":\"APPLICATION_STATE\",\"sequence\":" + sequence
                + ",\"appId\":\"" + APP_ID + "\",\"state\":\"" + state + "\"}");
        if (executors == 0) {
            return;
        }
        try {
            if (finished.await(60, TimeUnit.SECONDS)) {
                sequence++;
                event(out, "application-state", sequence, "{\"type\":\"APPLICATION_STATE\",\"sequence\":" + sequence
                        + ",\"appId\":\"" + APP_ID + "\",\"state\":\"FINISHED\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The driver stopped listening first: fine.
        }
    }

    private static void event(OutputStream out, String name, long id, String data) throws IOException {
        out.write(("event: " + name + "\nid: " + id + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void reply(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        finished.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}

package io.drover.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.StateReports;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.HeartbeatReply;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.RegisterWorkerReply;
import io.drover.protocol.state.ExecutorState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A master's {@code /internal/v1} as the worker sees it, on a real port: records what workers send and
 * answers as told. Small enough to read in one go, so a test says exactly what the master does.
 */
public final class FakeMaster implements AutoCloseable {

    public final List<RegisterWorker> registrations = new CopyOnWriteArrayList<>();
    public final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
    public final List<DriverStateChanged> reports = new CopyOnWriteArrayList<>();
    public final List<ExecutorStateChanged> executorReports = new CopyOnWriteArrayList<>();
    /** Every StateReports call as received, to see how changes were batched. */
    public final List<StateReports> stateCalls = new CopyOnWriteArrayList<>();

    /** Calls refused because they did not carry the cluster secret. */
    public final AtomicInteger refusedCalls = new AtomicInteger();
    /** Registrations to refuse with 409 before accepting one. */
    public final AtomicInteger conflictsToAnswer = new AtomicInteger();
    public volatile long epoch = 7;
    public volatile long heartbeatIntervalMs = 100;
    public volatile List<String> killOnRegister = List.of();
    public volatile List<String> killExecutorsOnRegister = List.of();
    /** Answered to the next heartbeat only; then back to OK. */
    public volatile HeartbeatReply nextHeartbeatReply = HeartbeatReply.OK;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;

    public FakeMaster() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/workers", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The states reported for one executor, in the order they arrived. */
    public List<ExecutorState> executorStates(String appId, int executorId) {
        return executorReports.stream()
                .filter(r -> r.appId().equals(appId) && r.executorId() == executorId)
                .map(ExecutorStateChanged::state)
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            // Like the real master: the worker protocol takes the cluster secret and nothing else.
            if (!("Bearer " + TestWorker.SECRET).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refusedCalls.incrementAndGet();
                answer(exchange, 401, "{\"status\":401,\"detail\":\"no cluster secret\"}");
                return;
            }
            if (path.equals("/internal/v1/workers")) {
                registrations.add(json.readValue(body, RegisterWorker.class));
                if (conflictsToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    answer(exchange, 409, "{\"status\":409,\"detail\":\"duplicate worker id\"}");
                    return;
                }
                answer(exchange, 200, json.writeValueAsString(
                        new RegisterWorkerReply(url(), epoch, heartbeatIntervalMs, killOnRegister,
                                killExecutorsOnRegister)));
            } else if (path.endsWith("/heartbeat")) {
                heartbeats.add(json.readValue(body, Heartbeat.class));
                HeartbeatReply reply = nextHeartbeatReply;
                nextHeartbeatReply = HeartbeatReply.OK;
                answer(exchange, 200, json.writeValueAsString(reply));
            } else if (path.endsWith("/states")) {
                StateReports states = json.readValue(body, StateReports.class);
                stateCalls.add(states);
                reports.addAll(states.drivers());
                executorReports.addAll(states.executors());
                exchange.sendResponseHeaders(204, -1);
            } else {
                answer(exchange, 404, "{}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.drover.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The driver's side of the π job without the cluster: a small HTTP server that hands out partitions and
 * collects their counts (the protocol {@link PiExecutor} speaks), and a way to wait for the answer.
 *
 * <pre>
 * GET  /task                      200 "3" (header Pi-Samples: 2000000), or 204 when every partition has a result
 * POST /result?partition=3        body "1570796" (header Pi-Executor: who computed it) → 204
 * </pre>
 */
final class PiJob implements AutoCloseable {

    static final String TASK_PATH = "/task";
    static final String RESULT_PATH = "/result";
    /** On a task: how many samples the partition draws. */
    static final String SAMPLES_HEADER = "Pi-Samples";
    /** On a result: who computed it (free text, shown in the report). */
    static final String EXECUTOR_HEADER = "Pi-Executor";

    private final PiTasks tasks;
    private final HttpServer server;
    private final URI url;
    private final CompletableFuture<PiResult> result = new CompletableFuture<>();

    private PiJob(PiTasks tasks, HttpServer server, String host) {
        this.tasks = tasks;
        this.server = server;
        String urlHost = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        this.url = URI.create("http://" + urlHost + ":" + server.getAddress().getPort());
    }

    /**
     * Starts serving {@code partitions} partitions of {@code samplesPerPartition} samples on an ephemeral port
     * of {@code host} (a name or address of this machine that executors can reach).
     */
    static PiJob start(String host, int partitions, long samplesPerPartition) throws IOException {
        PiTasks tasks = new PiTasks(partitions, samplesPerPartition);
        InetSocketAddress address = new InetSocketAddress(host, 0);
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve the host '" + host + "'");
        }
        HttpServer server = HttpServer.create(address, 0);
        PiJob job = new PiJob(tasks, server, host);
        server.createContext(TASK_PATH, job::task);
        server.createContext(RESULT_PATH, job::result);
        server.start();
        return job;
    }

    /** Where executors reach this job, for example {@code http://127.0.0.1:40123}. */
    URI url() {
        return url;
    }

    PiTasks tasks() {
        return tasks;
    }

    /**
     * Waits until every partition has a result.
     *
     * @throws TimeoutException when {@code timeout} passes first
     * @throws IllegalStateException when the job was {@linkplain #abort aborted}, with the reason
     */
    PiResult await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Makes {@link #await} give up with {@code reason}, unless the answer is already there. */
    void abort(String reason) {
        result.completeExceptionally(new IllegalStateException(reason));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void task(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exactPath(exchange, TASK_PATH) || !method(exchange, "GET")) {
                return;
            }
            OptionalInt partition = tasks.next();
            if (partition.isEmpty()) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            exchange.getResponseHeaders().set(SAMPLES_HEADER, Long.toString(tasks.samplesPerPartition()));
            send(exchange, 200, Integer.toString(partition.getAsInt()));
        }
    }

    private void result(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exactPath(exchange, RESULT_PATH) || !method(exchange, "POST")) {
                return;
            }
            String body = new String(exchange.getRequestBody().readNBytes(64), StandardCharsets.UTF_8).strip();
            String query = exchange.getRequestURI().getRawQuery();
            int partition;
            long count;
            try {
                partition = Integer.parseInt(queryValue(query, "partition"));
                count = Long.parseLong(body);
                tasks.complete(partition, count, exchange.getRequestHeaders().getFirst(EXECUTOR_HEADER));
            } catch (IllegalArgumentException e) { // NumberFormatException included
                send(exchange, 400, "bad result (partition=" + queryValue(query, "partition") + ", count=" + body
                        + "): " + e.getMessage() + "\n");
                return;
            }
            if (tasks.isDone()) {
                result.complete(tasks.result());
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static boolean exactPath(HttpExchange exchange, String path) throws IOException {
        if (exchange.getRequestURI().getPath().equals(path)) {
            return true;
        }
        send(exchange, 404, "no such path\n");
        return false;
    }

    private static boolean method(HttpExchange exchange, String method) throws IOException {
        if (exchange.getRequestMethod().equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", method);
        send(exchange, 405, "use " + method + "\n");
        return false;
    }

    private static String queryValue(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "";
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}

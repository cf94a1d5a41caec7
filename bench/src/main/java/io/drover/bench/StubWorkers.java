package io.drover.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.drover.protocol.Paths;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.internal.LaunchExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many pretend workers behind one loopback HTTP server: worker {@code i} is {@code <base>/w<i>}, so each has
 * its own URL (the master treats two workers at one URL as a restarted process). Every call of the worker
 * protocol answers 202, as a real worker does; launches are queued so the benchmark can report the
 * processes' states back the way a worker would. Nothing runs.
 */
final class StubWorkers implements AutoCloseable {

    /** A launch a pretend worker accepted: a driver ({@code executorId} null) or an executor. */
    record Launch(int worker, String driverId, String appId, Integer executorId) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DRIVERS = Paths.INTERNAL_LAUNCH_DRIVER;
    private static final String EXECUTORS = Paths.INTERNAL_LAUNCH_EXECUTOR;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final BlockingQueue<Launch> launches = new LinkedBlockingQueue<>();

    StubWorkers() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(int worker) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/w" + worker;
    }

    BlockingQueue<Launch> launches() {
        return launches;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            int worker = Integer.parseInt(path.substring(2, path.indexOf('/', 2)));
            if (path.endsWith(DRIVERS)) {
                launches.add(new Launch(worker, JSON.readValue(body, LaunchDriver.class).driverId(), null, null));
            } else if (path.endsWith(EXECUTORS)) {
                LaunchExecutor launch = JSON.readValue(body, LaunchExecutor.class);
                launches.add(new Launch(worker, null, launch.appId(), launch.executorId()));
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

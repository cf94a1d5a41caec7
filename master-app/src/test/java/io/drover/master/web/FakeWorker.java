package io.drover.master.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * A worker that accepts every launch and kill (202) and never reports back, so what the master placed on
 * it stays placed: drivers launched, executors LAUNCHING. Enough for pages that show a worker's work.
 */
final class FakeWorker implements AutoCloseable {

    private final HttpServer server;

    FakeWorker() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    String workerId() {
        return "worker-20261122080000-127.0.0.1-" + port();
    }

    /** The body of POST /internal/v1/workers that registers it with 8 cores and 16 GiB. */
    String registration() {
        return "{\"workerId\":\"" + workerId() + "\",\"host\":\"127.0.0.1\",\"port\":" + port() + ",\"url\":\"" + url()
                + "\",\"cores\":8,\"memoryMb\":16384,\"followedEpoch\":0}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

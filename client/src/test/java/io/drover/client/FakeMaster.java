package io.drover.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A real HTTP server on a random loopback port that records every request and answers with scripted
 * replies, in order; the last reply repeats once the script runs out.
 */
final class FakeMaster implements AutoCloseable {

    record Request(String method, String path, String query, String contentType, String accept,
                   String authorization, String body) {
    }

    private record Reply(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    FakeMaster() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeMaster reply(int status, String contentType, String body) {
        synchronized (this) {
            replies.addLast(new Reply(status, contentType, body));
        }
        return this;
    }

    FakeMaster replyJson(int status, String body) {
        return reply(status, "application/json", body);
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Reply reply;
            synchronized (this) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Accept"),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        new String(body, StandardCharsets.UTF_8)));
                reply = replies.size() > 1 ? replies.removeFirst() : replies.peekFirst();
            }
            if (reply == null) {
                reply = new Reply(500, "text/plain", "no reply scripted");
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            if (reply.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            }
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

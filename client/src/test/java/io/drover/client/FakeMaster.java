package io.drover.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a random loopback port that records every request and answers with scripted
 * replies, in order; the last reply repeats once the script runs out. A reply may be a Server-Sent Events
 * stream that the test writes to as it goes ({@link #replyStream()}).
 */
final class FakeMaster implements AutoCloseable {

    record Request(String method, String path, String query, String contentType, String accept,
                   String authorization, String body, String lastEventId) {
    }

    private record Reply(int status, String contentType, String body, EventStream stream) {
    }

    /** A {@code text/event-stream} answer: the test sends raw text and ends it; the fake sees a client that left. */
    static final class EventStream {

        private static final String END = new String("end");

        private final BlockingQueue<String> chunks = new LinkedBlockingQueue<>();
        private final CountDownLatch opened = new CountDownLatch(1);
        private final CountDownLatch finished = new CountDownLatch(1);
        private volatile boolean clientGone;

        /** Writes {@code text} as is (and flushes it). */
        EventStream send(String text) {
            chunks.add(text);
            return this;
        }

        /** Writes one event with the given SSE name, id and (possibly multi-line) data. */
        EventStream event(String name, long id, String data) {
            StringBuilder text = new StringBuilder("event: ").append(name).append('\n').append("id: ").append(id).append('\n');
            for (String line : data.split("\n", -1)) {
                text.append("data: ").append(line).append('\n');
            }
            return send(text.append('\n').toString());
        }

        /** Closes the stream from the server's side. */
        void end() {
            chunks.add(END);
        }

        boolean awaitOpened(Duration timeout) throws InterruptedException {
            return opened.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Waits until the fake has stopped serving the stream: ended, or the client went away. */
        boolean awaitFinished(Duration timeout) throws InterruptedException {
            return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean clientGone() {
            return clientGone;
        }

        private void serve(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            opened.countDown();
            OutputStream out = exchange.getResponseBody();
            try {
                while (true) {
                    String chunk = chunks.poll(50, TimeUnit.MILLISECONDS);
                    if (chunk == END) {
                        return;
                    }
                    // While idle, a comment now and then finds out whether the client has left.
                    out.write((chunk != null ? chunk : ":\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                clientGone = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                finished.countDown();
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<EventStream> streams = new ArrayList<>();
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    FakeMaster() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeMaster reply(int status, String contentType, String body) {
        synchronized (this) {
            replies.addLast(new Reply(status, contentType, body, null));
        }
        return this;
    }

    /** Scripts a {@code 200 text/event-stream} answer and returns the stream to write to. */
    EventStream replyStream() {
        EventStream stream = new EventStream();
        synchronized (this) {
            replies.addLast(new Reply(200, "text/event-stream", "", stream));
            streams.add(stream);
        }
        return stream;
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
                        new String(body, StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Last-Event-ID")));
                reply = replies.size() > 1 ? replies.removeFirst() : replies.peekFirst();
            }
            if (reply == null) {
                reply = new Reply(500, "text/plain", "no reply scripted", null);
            }
            if (reply.stream() != null) {
                reply.stream().serve(exchange);
                return;
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
        synchronized (this) {
            streams.forEach(EventStream::end);
        }
        server.stop(0);
        threads.shutdownNow();
    }
}

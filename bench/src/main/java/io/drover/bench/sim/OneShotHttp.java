package io.drover.bench.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * The simulated workers' HTTP client: a {@code POST} on a connection of its own ({@code Connection: close}),
 * the answer read to the end of the connection, thousands of calls in flight on one selector thread.
 *
 * <p>The simulator plays ten thousand machines on the cores the master runs on, so what it spends per call is
 * taken from the master: with the JDK's {@code HttpClient} the simulator spent about twice the master's CPU per
 * heartbeat (1.2 against 0.56 ms) and more than the master during the registration storm, so the phases
 * measured the simulator. This does only what the simulated workers need, about a tenth of that work; the
 * bodies, the status codes and the connection per call are the same as real workers'.
 */
final class OneShotHttp implements AutoCloseable {

    /** An answer: its status and its body (chunked transfer decoded). */
    record Response(int statusCode, byte[] body) {
    }

    private final Executor completions;
    private final Duration timeout;
    private final Selector selector;
    private final Queue<Call> submitted = new ConcurrentLinkedQueue<>();
    /** Calls in the order they started, so the head has the earliest deadline (all share one timeout). */
    private final ArrayDeque<Call> inFlight = new ArrayDeque<>();
    private final Thread loop;
    private volatile boolean open = true;

    /**
     * @param completions where callers' continuations run, never the selector thread
     * @param timeout from the start of a call to the end of its answer
     */
    OneShotHttp(Executor completions, Duration timeout) {
        this.completions = completions;
        this.timeout = timeout;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a selector", e);
        }
        this.loop = new Thread(this::run, "simulated-workers-http");
        loop.setDaemon(true);
        loop.start();
    }

    /** {@code POST url} with {@code body}, the given header lines (each {@code "Name: value"}) and JSON types. */
    CompletableFuture<Response> post(String url, byte[] body, String... headers) {
        URI uri = URI.create(url);
        StringBuilder head = new StringBuilder(256).append("POST ").append(uri.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\nAccept: application/json\r\nConnection: close\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer request = ByteBuffer.allocate(start.length + body.length).put(start).put(body).flip();
        Call call = new Call(new InetSocketAddress(uri.getHost(), uri.getPort()), request,
                System.nanoTime() + timeout.toNanos());
        submitted.add(call);
        // Closed meanwhile: the loop may have drained its queue already, so a call still in it would never end.
        if (!open && submitted.remove(call)) {
            call.future.completeExceptionally(new IOException("the client is closed"));
            return call.future;
        }
        selector.wakeup();
        return call.future;
    }

    private void run() {
        ByteBuffer reading = ByteBuffer.allocate(64 * 1024);
        while (open) {
            try {
                selector.select(50);
                startSubmitted();
                for (SelectionKey key : selector.selectedKeys()) {
                    advance(key, reading);
                }
                selector.selectedKeys().clear();
                expire();
            } catch (IOException | RuntimeException e) {
                // One call's failure is that call's; the loop itself goes on.
                if (!open) {
                    break;
                }
            }
        }
        inFlight.forEach(call -> fail(call, new IOException("the client is closed")));
        submitted.forEach(call -> fail(call, new IOException("the client is closed")));
    }

    private void startSubmitted() {
        for (Call call; (call = submitted.poll()) != null; ) {
            inFlight.add(call);
            try {
                call.channel = SocketChannel.open();
                call.channel.configureBlocking(false);
                if (call.channel.connect(call.address)) {
                    call.channel.register(selector, SelectionKey.OP_WRITE, call);
                } else {
                    call.channel.register(selector, SelectionKey.OP_CONNECT, call);
                }
            } catch (IOException e) {
                fail(call, e);
            }
        }
    }

    private void advance(SelectionKey key, ByteBuffer reading) {
        Call call = (Call) key.attachment();
        try {
            if (key.isConnectable() && call.channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isWritable()) {
                call.channel.write(call.request);
                if (!call.request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isValid() && key.isReadable()) {
                reading.clear();
                int read = call.channel.read(reading);
                if (read > 0) {
                    call.answer.write(reading.array(), 0, read);
                } else if (read < 0) {
                    Response response = parse(call.answer.toByteArray());
                    call.finished = true;
                    close(call);
                    completions.execute(() -> call.future.complete(response));
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(call, e);
        }
    }

    private void expire() {
        long now = System.nanoTime();
        while (!inFlight.isEmpty() && (inFlight.peek().finished || inFlight.peek().deadline - now <= 0)) {
            Call call = inFlight.poll();
            fail(call, new HttpTimeoutException("no answer within " + timeout));
        }
    }

    private void fail(Call call, Exception cause) {
        if (call.finished) {
            return;
        }
        call.finished = true;
        close(call);
        completions.execute(() -> call.future.completeExceptionally(cause));
    }

    private static void close(Call call) {
        if (call.channel != null) {
            try {
                call.channel.close();
            } catch (IOException e) {
                // Closing a connection we are done with: nothing to do about it.
            }
        }
    }

    /** Status line, headers, then the body: as sent, or decoded from chunks. */
    static Response parse(byte[] answer) throws IOException {
        int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0 || answer.length < 12 || answer[8] != ' ') {
            throw new IOException("not an HTTP answer: " + new String(answer, 0, Math.min(answer.length, 64),
                    StandardCharsets.ISO_8859_1));
        }
        int status = Integer.parseInt(new String(answer, 9, 3, StandardCharsets.ISO_8859_1));
        String head = new String(answer, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int bodyStart = end + 4;
        if (!head.contains("\r\ntransfer-encoding: chunked")) {
            return new Response(status, Arrays.copyOfRange(answer, bodyStart, answer.length));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = bodyStart;
        while (true) {
            int lineEnd = indexOf(answer, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                throw new IOException("a chunked answer ended early");
            }
            String size = new String(answer, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                return new Response(status, body.toByteArray());
            }
            if (lineEnd + 2 + length > answer.length) {
                throw new IOException("a chunked answer ended early");
            }
            body.write(answer, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        open = false;
        selector.wakeup();
        try {
            loop.join(5_000);
            selector.close();
        } catch (IOException e) {
            // The process is finishing with it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One call: where, what, by when, and what has come back so far. */
    private static final class Call {
        final InetSocketAddress address;
        final ByteBuffer request;
        final long deadline;
        final CompletableFuture<Response> future = new CompletableFuture<>();
        final ByteArrayOutputStream answer = new ByteArrayOutputStream(512);
        SocketChannel channel;
        /** Answered or failed: only the selector thread reads and writes it. */
        boolean finished;

        Call(InetSocketAddress address, ByteBuffer request, long deadline) {
            this.address = address;
            this.request = request;
            this.deadline = deadline;
        }
    }
}

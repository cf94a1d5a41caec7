package io.drover.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An attacker without a credential holding {@code count} connections, each sending a request head and then
 * its body one byte every {@code interval} (issue 10's review: 260 of them starved a master). A connection
 * the server closes is opened again at once, so the pressure never lets up. Half declare a length, half
 * send chunks. One thread drives them all; {@link #close} ends every connection.
 */
final class SlowBodies implements AutoCloseable {

    private final URI target;
    private final String path;
    private final String contentType;
    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "slow-bodies");
        t.setDaemon(true);
        return t;
    });
    final AtomicInteger reopened = new AtomicInteger();

    SlowBodies(String baseUrl, String path, String contentType, int count, Duration interval) throws IOException {
        this.target = URI.create(baseUrl);
        this.path = path;
        this.contentType = contentType;
        for (int i = 0; i < count; i++) {
            sockets.add(open(i));
        }
        ticker.scheduleWithFixedDelay(this::dripOneByteEach, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private Socket open(int index) throws IOException {
        Socket socket = new Socket(target.getHost(), target.getPort());
        boolean chunked = index % 2 == 1;
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                + "\r\nContent-Type: " + contentType + "\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 100000\r\n") + "\r\n"
                + (chunked ? "100\r\n{" : "{");
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private void dripOneByteEach() {
        for (int i = 0; i < sockets.size(); i++) {
            Socket socket = sockets.get(i);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(' ');
                out.flush();
            } catch (IOException e) {
                closeQuietly(socket);
                try {
                    sockets.set(i, open(i));
                    reopened.incrementAndGet();
                } catch (IOException again) {
                    // the server is not accepting right now; try this slot again on the next tick
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        sockets.forEach(SlowBodies::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}

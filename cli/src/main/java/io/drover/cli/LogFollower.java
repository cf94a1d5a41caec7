package io.drover.cli;

import io.drover.client.DroverApiException;
import io.drover.client.DroverClient;
import io.drover.client.LogChunk;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LogStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Reads a driver's log through the master's log API in byte ranges, and follows it as {@code tail -f}
 * does: whatever the file gained since the last read, until the driver has ended and the last bytes are
 * out. The bytes go out as they are, so a character cut between two ranges is whole on the terminal.
 */
final class LogFollower {

    /** How often a followed log is asked for more; short enough to feel live, long enough to cost nothing. */
    static final Duration POLL = Duration.ofMillis(250);
    private static final long CHUNK = 1 << 20;

    private final DroverClient client;
    private final String driverId;
    private final LogStream stream;
    private final OutputStream out;
    private long offset;

    LogFollower(DroverClient client, String driverId, LogStream stream, OutputStream out) {
        this.client = client;
        this.driverId = driverId;
        this.stream = stream;
        this.out = out;
    }

    /** Writes the whole log as it is now. */
    void printOnce() {
        drain();
    }

    /**
     * Writes the log as it grows until the driver has ended, and returns the driver as it ended. Before the
     * driver is placed on a worker there is no log yet, and while its worker is being reached the master may
     * refuse the read: both are waited out.
     */
    DriverView follow() {
        while (true) {
            DriverView view = client.driver(driverId);
            boolean ended = view.state() != null && view.state().isTerminal();
            if (view.workerId() != null) {
                try {
                    drain();
                } catch (DroverApiException e) {
                    if (ended) {
                        return view; // the log went with its worker
                    }
                }
            }
            if (ended) {
                return view;
            }
            DriverWatch.pause(POLL);
        }
    }

    private void drain() {
        while (true) {
            LogChunk chunk = client.driverLogChunk(driverId, stream, offset, CHUNK);
            write(chunk.bytes());
            offset = chunk.end();
            if (chunk.bytes().length == 0 || offset >= chunk.fileLength()) {
                return;
            }
        }
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.drover.client;

import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A live subscription to an application's events ({@link DroverClient#followEvents}). One daemon thread
 * reads the Server-Sent Events stream and hands every event to the consumer, in the order the master
 * sent them. The subscription ends when the master closes the stream (it does once the application has
 * reached a final state), when {@link #close()} is called, when the consumer throws, or when the stream
 * cannot be opened again; {@link #failure()} then says why, unless it ended cleanly.
 *
 * <p>A stream that ends or breaks before the application's final state (its master stopped, or a standby
 * took over) is opened again through the client's failover (issue 9), with {@code Last-Event-ID} set to the
 * last sequence delivered. Events numbered at or below it are not delivered twice; a master that does not
 * resume from that id sends the application as it is now, so executors may be announced again with a
 * newer sequence.
 *
 * <p>{@link #close()} may be called from any thread, the consumer's included. An event being delivered
 * when it is called finishes; no other is delivered after. The reading thread is interrupted only while
 * it waits for the network, never while it runs the consumer.
 */
public final class EventSubscription implements AutoCloseable {

    private final String appId;
    /** Opens the stream again after the given sequence (issue 9's reconnection). */
    interface Reopener {
        Stream<String> open(long lastEventId);
    }

    private final Reopener reopener;
    private volatile Stream<String> lines;
    private long lastSequence;
    private long resumeAfter = -1;
    private boolean finalState;
    private final EventDecoder decoder;
    private final Consumer<ApplicationEvent> consumer;
    private final Thread thread;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object lock = new Object();
    private boolean closed;
    private boolean delivering;
    private volatile Throwable failure;
    private volatile long delivered;

    EventSubscription(String appId, Stream<String> lines, Reopener reopener, EventDecoder decoder,
                      Consumer<ApplicationEvent> consumer) {
        this.appId = appId;
        this.lines = lines;
        this.reopener = reopener;
        this.decoder = decoder;
        this.consumer = consumer;
        this.thread = new Thread(this::read, "drover-events-" + appId);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The application this subscription follows. */
    public String appId() {
        return appId;
    }

    /** True while the stream is being read: not closed, not ended by the master, not failed. */
    public boolean isOpen() {
        return ended.getCount() > 0;
    }

    /** How many events the consumer has been given so far. */
    public long delivered() {
        return delivered;
    }

    /**
     * Waits until the subscription has ended (the master closed the stream, {@link #close()} was called, or
     * it failed) and its thread is done; returns false when {@code timeout} passed first.
     */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Why the subscription ended, when it was not by the master closing the stream or by {@link #close()}: a
     * {@link DroverClientException} for a failed connection or an event that could not be read, or whatever
     * the consumer threw. Empty while it runs and after a clean end.
     */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops reading and closes the connection. Idempotent; does not wait for the thread (see {@link #awaitEnd}). */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (!delivering && Thread.currentThread() != thread) {
                thread.interrupt();
            }
        }
    }

    private void read() {
        try {
            while (readOneStream()) {
                lines.close();
                resumeAfter = lastSequence;
                lines = reopener.open(lastSequence);
            }
        } catch (RuntimeException e) {
            // Closing interrupts the read, which surfaces as an UncheckedIOException: that is no failure.
            if (!isClosed()) {
                failure = e instanceof DroverClientException ? e
                        : new DroverClientException("the event stream of " + appId + " failed: " + e.getMessage(), e);
            }
        } catch (Error e) {
            failure = e;
            throw e;
        } finally {
            Thread.interrupted(); // so that closing the connection below cannot be cut short
            try {
                lines.close();
            } catch (RuntimeException ignored) {
                // The connection is going away either way.
            }
            ended.countDown();
        }
    }

    /**
     * Reads the current stream until it ends; true when it must be opened again: it ended or broke before the
     * application's final state, and the subscription was not closed.
     */
    private boolean readOneStream() {
        SseParser parser = new SseParser();
        try {
            Iterator<String> it = lines.iterator();
            while (!isClosed() && it.hasNext()) {
                Optional<SseParser.Event> sse = parser.line(it.next());
                if (sse.isPresent()) {
                    Optional<ApplicationEvent> event = decoder.decode(sse.get());
                    if (event.isPresent() && event.get().sequence() > resumeAfter && !deliver(event.get())) {
                        return false;
                    }
                }
            }
        } catch (UncheckedIOException e) {
            if (isClosed()) {
                return false;
            }
            // A broken connection: open the stream again below.
        }
        return !isClosed() && !finalState;
    }

    /** Hands one event to the consumer unless closed; false when the subscription must stop. */
    private boolean deliver(ApplicationEvent event) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            delivering = true;
        }
        try {
            consumer.accept(event);
            delivered++;
            lastSequence = Math.max(lastSequence, event.sequence());
            if (event.type() == ApplicationEventType.APPLICATION_STATE && event.state() != null
                    && event.state().isTerminal()) {
                finalState = true;
            }
        } catch (RuntimeException e) {
            failure = e;
            return false;
        } finally {
            synchronized (lock) {
                delivering = false;
            }
        }
        return !isClosed();
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }
}

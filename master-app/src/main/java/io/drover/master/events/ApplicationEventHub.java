package io.drover.master.events;

import io.drover.master.config.MasterProperties;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Effect;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.server.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Events streams of applications. It is fed only by the state machine's
 * {@link Effect.PublishEvent} effects, in the order they were decided; its own thread sorts them into each
 * stream's outbox, so the state store never waits for a client.
 *
 * <p>A stream opens with the application as it is; events decided after that moment follow, none lost and
 * none twice: the subscription is registered before the snapshot is read, and afterwards it only takes
 * events numbered above the ones its opening showed.
 *
 * <p>Slow readers (issue 10): each stream's outbox is written by a thread of its own while it has anything
 * to send, so a reader that stops reading holds only its own writer, never another stream. A blocked write
 * ends with Tomcat's write timeout ({@code drover.server.connection-timeout}), and a stream whose outbox
 * grows past {@link #MAX_QUEUED} events is dropped. Each principal may hold at most
 * {@code drover.master.event-streams-per-principal} open streams; one more answers {@code 429}.
 */
@Component
public class ApplicationEventHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApplicationEventHub.class);
    /** Events a stream may have waiting to be written before its reader counts as gone. */
    static final int MAX_QUEUED = 1000;

    private final Map<String, List<Subscription>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> streamsByPrincipal = new ConcurrentHashMap<>();
    private final int maxStreamsPerPrincipal;
    private final ExecutorService sorter = Executors.newSingleThreadExecutor(daemon("drover-events"));
    /** One thread per stream that has something to write; idle ones go after a while. */
    private final ExecutorService writers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), daemon("drover-events-writer"));

    @Autowired
    ApplicationEventHub(ClusterStateStore store, MasterProperties properties) {
        this(store, properties.eventStreamsPerPrincipal());
    }

    ApplicationEventHub(ClusterStateStore store, int maxStreamsPerPrincipal) {
        this.maxStreamsPerPrincipal = maxStreamsPerPrincipal;
        store.route(Effect.PublishEvent.class, this::publish);
        store.route(Effect.EndEventStreams.class, end -> sorter.execute(this::endAll));
    }

    /**
     * One open stream. {@code pending}, {@code after}, {@code opened} and {@code finished} are touched only
     * on the sorting thread; the outbox is handed from it to the stream's writer.
     */
    public static final class Subscription {
        private final String appId;
        private final String principal;
        private final SseEmitter emitter;
        private final List<ApplicationEvent> pending = new ArrayList<>();
        private long after = -1;
        private boolean opened;
        private boolean finished;
        private final Queue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicBoolean writing = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();

        private Subscription(String appId, String principal, SseEmitter emitter) {
            this.appId = appId;
            this.principal = principal;
            this.emitter = emitter;
        }
    }

    /** An event to write, and whether the stream ends after it. */
    private record Outgoing(ApplicationEvent event, boolean last) {
    }

    /** Ends a stream whose reader fell behind; written by its writer, after any write it is blocked in. */
    private static final Outgoing DROP = new Outgoing(null, true);

    /**
     * Step one of opening a stream: from now on no event of the application is missed. The caller then
     * reads the snapshot and calls {@link #open} with what it shows.
     *
     * @throws ApiException 429 when {@code principal} already holds its share of streams
     */
    public Subscription subscribe(String appId, SseEmitter emitter, String principal) {
        AtomicInteger open = streamsByPrincipal.computeIfAbsent(principal, p -> new AtomicInteger());
        if (open.incrementAndGet() > maxStreamsPerPrincipal) {
            open.decrementAndGet();
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "'" + principal + "' already has "
                    + maxStreamsPerPrincipal + " event streams open, the limit "
                    + "(drover.master.event-streams-per-principal); close one first");
        }
        Subscription subscription = new Subscription(appId, principal, emitter);
        subscribers.computeIfAbsent(appId, id -> new CopyOnWriteArrayList<>()).add(subscription);
        emitter.onCompletion(() -> release(subscription));
        emitter.onTimeout(() -> release(subscription));
        emitter.onError(e -> release(subscription));
        return subscription;
    }

    /** Gives up a subscription whose stream never opened (the request failed after {@link #subscribe}). */
    public void cancel(Subscription subscription) {
        release(subscription);
    }

    /**
     * Step two: sends the opening (the application as the snapshot showed it, numbered
     * {@code openingSequence}), then whatever arrived since with a higher number, then live events.
     */
    public void open(Subscription subscription, long openingSequence, List<ApplicationEvent> opening, boolean ended) {
        sorter.execute(() -> {
            subscription.after = openingSequence;
            subscription.opened = true;
            for (int i = 0; i < opening.size(); i++) {
                enqueue(subscription, opening.get(i), ended && i == opening.size() - 1);
            }
            if (ended) {
                subscription.finished = true;
                return;
            }
            List<ApplicationEvent> waiting = List.copyOf(subscription.pending);
            subscription.pending.clear();
            for (ApplicationEvent event : waiting) {
                offer(subscription, event, false);
            }
        });
    }

    /** Sorts an event into its streams' outboxes, on the sorting thread. */
    void publish(Effect.PublishEvent publish) {
        sorter.execute(() -> deliver(publish));
    }

    /** This master stopped leading: its streams end, and their clients find the new leader. */
    private void endAll() {
        subscribers.values().forEach(list -> list.forEach(s -> close(s, null)));
    }

    private void deliver(Effect.PublishEvent publish) {
        List<Subscription> list = subscribers.get(publish.event().appId());
        if (list == null) {
            return;
        }
        for (Subscription subscription : list) {
            if (!subscription.opened) {
                subscription.pending.add(publish.event());
            } else {
                offer(subscription, publish.event(), publish.last());
            }
        }
    }

    /** Queues one event unless the opening already covered it; the stream ends after a final state. */
    private void offer(Subscription subscription, ApplicationEvent event, boolean last) {
        if (subscription.finished || event.sequence() <= subscription.after) {
            return;
        }
        boolean done = last || event.state() != null && event.state().isTerminal();
        subscription.finished = done;
        enqueue(subscription, event, done);
    }

    private void enqueue(Subscription subscription, ApplicationEvent event, boolean last) {
        if (subscription.closed.get()) {
            return;
        }
        if (subscription.queued.incrementAndGet() > MAX_QUEUED) {
            if (release(subscription)) {
                log.info("Dropping an event stream of {} for '{}': its reader is {} events behind",
                        subscription.appId, subscription.principal, MAX_QUEUED);
                // Completed by its writer: completing it here would wait for the write it may be blocked in.
                subscription.outbox.add(DROP);
                startWriting(subscription);
            }
            return;
        }
        subscription.outbox.add(new Outgoing(event, last));
        startWriting(subscription);
    }

    private void startWriting(Subscription subscription) {
        if (subscription.writing.compareAndSet(false, true)) {
            writers.execute(() -> write(subscription));
        }
    }

    /** Drains one stream's outbox on its own thread; a write that blocks holds up this stream only. */
    private void write(Subscription subscription) {
        while (true) {
            Outgoing next = subscription.outbox.poll();
            if (next == null) {
                subscription.writing.set(false);
                if (subscription.outbox.isEmpty() || !subscription.writing.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            subscription.queued.decrementAndGet();
            if (next == DROP) {
                subscription.emitter.completeWithError(new IOException("the reader fell too far behind"));
                continue;
            }
            if (subscription.closed.get()) {
                continue;
            }
            IOException failed = send(subscription.emitter, next.event());
            if (failed != null) {
                close(subscription, failed);
            } else if (next.last()) {
                close(subscription, null);
            }
        }
    }

    /** Ends a stream once: completes its emitter (with the failure, if any) and frees its slot. */
    private void close(Subscription subscription, IOException failure) {
        if (!release(subscription)) {
            return;
        }
        if (failure == null) {
            subscription.emitter.complete();
        } else {
            subscription.emitter.completeWithError(failure);
        }
    }

    /** Forgets a stream; true the first time only. */
    private boolean release(Subscription subscription) {
        if (!subscription.closed.compareAndSet(false, true)) {
            return false;
        }
        List<Subscription> list = subscribers.get(subscription.appId);
        if (list != null) {
            list.remove(subscription);
        }
        streamsByPrincipal.get(subscription.principal).decrementAndGet();
        return true;
    }

    private static IOException send(SseEmitter emitter, ApplicationEvent event) {
        try {
            emitter.send(SseEmitter.event()
                    .name(event.type().eventName())
                    .id(Long.toString(event.sequence()))
                    .data(event));
            return null;
        } catch (IOException e) {
            log.debug("Dropping an event stream: {}", e.getMessage());
            return e;
        } catch (IllegalStateException e) {
            log.debug("Dropping an event stream: {}", e.getMessage());
            return new IOException(e.getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void destroy() {
        sorter.shutdownNow();
        writers.shutdownNow();
        subscribers.values().forEach(list -> list.forEach(s -> close(s, null)));
        subscribers.clear();
    }
}

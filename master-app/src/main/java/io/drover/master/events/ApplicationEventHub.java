package io.drover.master.events;

import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.Effect;
import io.drover.protocol.api.ApplicationEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Events streams of applications. It is fed only by the state machine's
 * {@link Effect.PublishEvent} effects, in the order they were decided, and writes to the streams on its
 * own thread so a slow client never holds up the state store.
 *
 * <p>A stream opens with the application as it is; events decided after that moment follow, none lost and
 * none twice: the subscription is registered before the snapshot is read, and afterwards it only takes
 * events numbered above the ones its opening showed.
 */
@Component
public class ApplicationEventHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApplicationEventHub.class);

    private final Map<String, List<Subscription>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drover-events");
        t.setDaemon(true);
        return t;
    });

    ApplicationEventHub(ClusterStateStore store) {
        store.route(Effect.PublishEvent.class, publish -> sender.execute(() -> deliver(publish)));
        store.route(Effect.EndEventStreams.class, end -> sender.execute(this::endAll));
    }

    /**
     * One open stream. Events that arrive before its opening has been sent wait in {@code pending}; both
     * fields are touched only on the sender thread.
     */
    public static final class Subscription {
        private final String appId;
        private final SseEmitter emitter;
        private final List<ApplicationEvent> pending = new java.util.ArrayList<>();
        private long after = -1;
        private boolean opened;

        private Subscription(String appId, SseEmitter emitter) {
            this.appId = appId;
            this.emitter = emitter;
        }
    }

    /**
     * Step one of opening a stream: from now on no event of the application is missed. The caller then
     * reads the snapshot and calls {@link #open} with what it shows.
     */
    public Subscription subscribe(String appId, SseEmitter emitter) {
        Subscription subscription = new Subscription(appId, emitter);
        List<Subscription> list = subscribers.computeIfAbsent(appId, id -> new CopyOnWriteArrayList<>());
        list.add(subscription);
        Runnable remove = () -> list.remove(subscription);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        return subscription;
    }

    /**
     * Step two: sends the opening (the application as the snapshot showed it, numbered
     * {@code openingSequence}), then whatever arrived since with a higher number, then live events.
     */
    public void open(Subscription subscription, long openingSequence, List<ApplicationEvent> opening, boolean ended) {
        sender.execute(() -> {
            subscription.after = openingSequence;
            subscription.opened = true;
            for (ApplicationEvent event : opening) {
                if (!send(subscription.emitter, event)) {
                    return;
                }
            }
            if (ended) {
                close(subscription);
                return;
            }
            List<ApplicationEvent> waiting = List.copyOf(subscription.pending);
            subscription.pending.clear();
            for (ApplicationEvent event : waiting) {
                if (!offer(subscription, event, false)) {
                    return;
                }
            }
        });
    }

    /** This master stopped leading: its streams end, and their clients find the new leader. */
    private void endAll() {
        subscribers.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
        subscribers.clear();
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

    /** Sends one event unless the opening already covered it; false when the stream is gone or done. */
    private boolean offer(Subscription subscription, ApplicationEvent event, boolean last) {
        if (event.sequence() <= subscription.after) {
            return true;
        }
        if (!send(subscription.emitter, event)) {
            close(subscription);
            return false;
        }
        boolean done = last || event.state() != null && event.state().isTerminal();
        if (done) {
            close(subscription);
        }
        return !done;
    }

    private void close(Subscription subscription) {
        List<Subscription> list = subscribers.get(subscription.appId);
        if (list != null) {
            list.remove(subscription);
        }
        subscription.emitter.complete();
    }

    private static boolean send(SseEmitter emitter, ApplicationEvent event) {
        try {
            emitter.send(SseEmitter.event()
                    .name(event.type().eventName())
                    .id(Long.toString(event.sequence()))
                    .data(event));
            return true;
        } catch (IOException | IllegalStateException e) {
            log.debug("Dropping an event stream: {}", e.getMessage());
            emitter.completeWithError(e);
            return false;
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        subscribers.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
        subscribers.clear();
    }
}

package io.drover.master.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.drover.master.persistence.MemoryPersistenceEngine;
import io.drover.master.state.storage.StateStorage;
import io.drover.master.state.ClusterStateStore;
import io.drover.master.state.machine.ClusterStateMachine;
import io.drover.master.state.machine.Effect;
import io.drover.master.state.machine.MachineSettings;
import io.drover.master.state.machine.MasterState;
import io.drover.master.state.storage.StateStorage;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.ids.IdGenerator;
import io.drover.protocol.state.ApplicationState;
import io.drover.server.ApiException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Event streams under slow readers and greedy principals (issue 10), on the hub itself. */
class ApplicationEventHubTest {

    private static final String APP = "app-20260101000000-0001";

    private final ClusterStateStore store = new ClusterStateStore(new ClusterStateMachine(
            new MasterState(() -> "http://127.0.0.1:1", 10, 10), new MachineSettings(Duration.ofSeconds(60),
                    Duration.ofMinutes(15), 3, 10, null, true, Duration.ofSeconds(60)), Clock.systemUTC(),
            new IdGenerator(Clock.systemUTC()), RandomGenerator.getDefault()),
            new StateStorage(new MemoryPersistenceEngine()));
    private final ApplicationEventHub hub = new ApplicationEventHub(store, 2);
    private final CountDownLatch unblock = new CountDownLatch(1);

    @AfterEach
    void stop() {
        unblock.countDown();
        hub.destroy();
        store.close();
    }

    /** An emitter that records what is sent, or whose reader has stopped reading (its sends block). */
    private final class Reader extends SseEmitter {
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile Throwable endedWith;
        volatile boolean ended;
        private final boolean stalled;

        Reader(boolean stalled) {
            this.stalled = stalled;
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            if (stalled) {
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    throw new IOException("interrupted", e);
                }
            }
            received.add(event.build().toString());
        }

        @Override
        public void complete() {
            ended = true;
        }

        @Override
        public void completeWithError(Throwable failure) {
            ended = true;
            endedWith = failure;
        }
    }

    private ApplicationEventHub.Subscription openStream(Reader reader, String principal) {
        ApplicationEventHub.Subscription subscription = hub.subscribe(APP, reader, principal);
        hub.open(subscription, 0, List.of(), false);
        return subscription;
    }

    private void publish(long sequence) {
        hub.publish(new Effect.PublishEvent(new ApplicationEvent(ApplicationEventType.APPLICATION_STATE,
                sequence, APP, null, ApplicationState.RUNNING, null), false));
    }

    @Test
    void aReaderThatStoppedReadingDoesNotHoldUpAnother() {
        Reader stalled = new Reader(true);
        Reader reading = new Reader(false);
        openStream(stalled, "alice");
        openStream(reading, "bob");

        for (long sequence = 1; sequence <= 5; sequence++) {
            publish(sequence);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> reading.received.size() == 5);
        assertThat(stalled.received).isEmpty();
    }

    @Test
    void aReaderTooFarBehindIsDroppedAndItsSlotFreed() {
        Reader stalled = new Reader(true);
        openStream(stalled, "alice");
        openStream(new Reader(false), "alice");

        for (long sequence = 1; sequence <= ApplicationEventHub.MAX_QUEUED + 2; sequence++) {
            publish(sequence);
        }

        await("the slot freed while the reader is still stalled").atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .untilAsserted(() -> assertThat(hub.subscribe(APP, new Reader(false), "alice")).isNotNull());
        unblock.countDown();
        await("the stream ended once its blocked write returned").atMost(Duration.ofSeconds(5))
                .until(() -> stalled.ended);
        assertThat(stalled.endedWith).hasMessageContaining("too far behind");
    }

    @Test
    void aPrincipalPastItsStreamLimitGets429() {
        ApplicationEventHub.Subscription first = openStream(new Reader(false), "alice");
        openStream(new Reader(false), "alice");

        assertThatThrownBy(() -> hub.subscribe(APP, new Reader(false), "alice"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(e.getMessage()).contains("drover.master.event-streams-per-principal");
                });
        assertThat(hub.subscribe(APP, new Reader(false), "bob")).as("another principal's share").isNotNull();

        hub.cancel(first);
        assertThat(hub.subscribe(APP, new Reader(false), "alice")).as("a closed stream gives its slot back").isNotNull();
    }
}

package io.drover.client;

import static io.drover.client.ApplicationJson.APP_ID;
import static io.drover.client.ApplicationJson.executorEvent;
import static io.drover.client.ApplicationJson.stateEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.api.ApplicationEventType;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeMaster master;
    private DroverClient client;
    private final List<ApplicationEvent> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        master = new FakeMaster();
        client = DroverClient.builder(master.url()).bearerToken("s3cret").requestTimeout(Duration.ofMillis(500)).build();
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void deliversEventsInOrderUntilTheMasterClosesTheStream() throws Exception {
        FakeMaster.EventStream stream = master.replyStream();
        stream.event("executor-added", 1, executorEvent("EXECUTOR_ADDED", 1, 0, ExecutorState.LAUNCHING))
                .event("application-state", 2, stateEvent(2, ApplicationState.RUNNING));

        EventSubscription subscription = client.followEvents(APP_ID, received::add);

        FakeMaster.Request sent = master.lastRequest();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/api/v1/applications/" + APP_ID + "/events");
        assertThat(sent.accept()).startsWith("text/event-stream");
        assertThat(sent.authorization()).isEqualTo("Bearer s3cret");
        for (int i = 0; i < 20; i++) {
            stream.event("executor-updated", 3 + i, executorEvent("EXECUTOR_UPDATED", 3 + i, i % 2, ExecutorState.RUNNING));
        }
        // Open for longer than the request timeout: that timeout bounds the answer's start, not the stream.
        org.awaitility.Awaitility.await().during(Duration.ofMillis(1200)).atMost(WAIT).until(subscription::isOpen);
        stream.event("executor-removed", 23, executorEvent("EXECUTOR_REMOVED", 23, 0, ExecutorState.EXITED))
                .event("application-state", 24, stateEvent(24, ApplicationState.FINISHED))
                .end();

        assertThat(subscription.awaitEnd(WAIT)).isTrue();
        assertThat(subscription.isOpen()).isFalse();
        assertThat(subscription.failure()).isEmpty();
        assertThat(subscription.delivered()).isEqualTo(24);
        assertThat(received).extracting(ApplicationEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 24).boxed().toList());
        assertThat(received.get(0).type()).isEqualTo(ApplicationEventType.EXECUTOR_ADDED);
        assertThat(received.get(0).executor().executorId()).isZero();
        assertThat(received.get(0).executor().state()).isEqualTo(ExecutorState.LAUNCHING);
        assertThat(received.get(1).state()).isEqualTo(ApplicationState.RUNNING);
        assertThat(received.get(22).type()).isEqualTo(ApplicationEventType.EXECUTOR_REMOVED);
        assertThat(received.get(23).state()).isEqualTo(ApplicationState.FINISHED);
        assertThat(received).allSatisfy(event -> assertThat(event.appId()).isEqualTo(APP_ID));
    }

    @Test
    void theEventNameAndIdFillInWhatTheDataLeavesOut() throws Exception {
        FakeMaster.EventStream stream = master.replyStream();
        stream.send("event: application-state\nid: 5\ndata: {\"state\":\n: a comment in between\ndata: \"KILLED\"}\n\n")
                .send("event: something-new\nid: 6\ndata: {\"whatever\":1}\n\n")
                .send("event: executor-added\nid: 7\ndata: " + executorEvent("EXECUTOR_ADDED", 7, 3, ExecutorState.RUNNING) + "\n\n")
                .end();

        EventSubscription subscription = client.followEvents(APP_ID, received::add);

        assertThat(subscription.awaitEnd(WAIT)).isTrue();
        assertThat(subscription.failure()).isEmpty();
        assertThat(received).hasSize(2);
        assertThat(received.get(0)).isEqualTo(new ApplicationEvent(ApplicationEventType.APPLICATION_STATE, 5, APP_ID,
                null, ApplicationState.KILLED, null));
        assertThat(received.get(1).executor().executorId()).isEqualTo(3);
    }

    @Test
    void closeStopsTheThreadAndNothingIsDeliveredAfter() throws Exception {
        FakeMaster.EventStream stream = master.replyStream();
        CountDownLatch first = new CountDownLatch(1);

        EventSubscription subscription = client.followEvents(APP_ID, event -> {
            received.add(event);
            first.countDown();
        });
        stream.event("executor-added", 1, executorEvent("EXECUTOR_ADDED", 1, 0, ExecutorState.RUNNING));
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(subscription.isOpen()).isTrue();

        subscription.close();

        assertThat(subscription.awaitEnd(WAIT)).as("the reading thread ends").isTrue();
        assertThat(threadNamed("drover-events-" + APP_ID)).isFalse();
        stream.event("executor-added", 2, executorEvent("EXECUTOR_ADDED", 2, 1, ExecutorState.RUNNING));
        assertThat(stream.awaitFinished(WAIT)).as("the connection is closed").isTrue();
        assertThat(stream.clientGone()).isTrue();
        assertThat(received).hasSize(1);
        assertThat(subscription.failure()).isEmpty();
        subscription.close(); // idempotent
    }

    @Test
    void theConsumerMayCloseTheSubscription() throws Exception {
        FakeMaster.EventStream stream = master.replyStream();
        stream.event("application-state", 1, stateEvent(1, ApplicationState.RUNNING))
                .event("application-state", 2, stateEvent(2, ApplicationState.RUNNING));
        EventSubscription[] holder = new EventSubscription[1];
        CountDownLatch subscribed = new CountDownLatch(1);

        holder[0] = client.followEvents(APP_ID, event -> {
            awaitQuietly(subscribed);
            received.add(event);
            holder[0].close();
        });
        subscribed.countDown();

        assertThat(holder[0].awaitEnd(WAIT)).isTrue();
        assertThat(received).hasSize(1);
        assertThat(holder[0].failure()).isEmpty();
    }

    @Test
    void aConsumerThatThrowsEndsTheSubscriptionWithThatFailure() throws Exception {
        FakeMaster.EventStream stream = master.replyStream();
        stream.event("application-state", 1, stateEvent(1, ApplicationState.RUNNING))
                .event("application-state", 2, stateEvent(2, ApplicationState.RUNNING));
        IllegalStateException boom = new IllegalStateException("boom");

        EventSubscription subscription = client.followEvents(APP_ID, event -> {
            received.add(event);
            throw boom;
        });

        assertThat(subscription.awaitEnd(WAIT)).isTrue();
        assertThat(subscription.failure()).containsSame(boom);
        assertThat(received).hasSize(1);
        assertThat(stream.awaitFinished(WAIT)).isTrue();
    }

    @Test
    void unreadableDataEndsTheSubscriptionWithAFailure() throws Exception {
        master.replyStream().send("event: executor-added\ndata: {not json\n\n");

        EventSubscription subscription = client.followEvents(APP_ID, received::add);

        assertThat(subscription.awaitEnd(WAIT)).isTrue();
        assertThat(subscription.failure()).get().isInstanceOf(DroverClientException.class)
                .extracting(Throwable::getMessage).asString().contains("executor-added");
        assertThat(received).isEmpty();
    }

    @Test
    void anUnknownApplicationIsA404AtOnce() {
        master.reply(404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no application x\"}");

        assertThatThrownBy(() -> client.followEvents("app-20240101120000-0009", received::add))
                .isInstanceOfSatisfying(DroverApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.detail()).isEqualTo("no application x");
                    assertThat(e.path()).isEqualTo("/api/v1/applications/app-20240101120000-0009/events");
                });
    }

    @Test
    void anAnswerThatIsNotAnEventStreamIsRefused() {
        master.replyJson(200, "[]");

        assertThatThrownBy(() -> client.followEvents(APP_ID, received::add))
                .isExactlyInstanceOf(DroverClientException.class)
                .hasMessageContaining("not text/event-stream");
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.drover.client;

import static io.drover.client.ApplicationJson.APP_ID;
import static io.drover.client.ApplicationJson.executorEvent;
import static io.drover.client.ApplicationJson.stateEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.drover.protocol.api.ApplicationEvent;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's client side against real HTTP servers: standbys that answer {@code 503} with or without the
 * leader's URL, and a port that refuses connections.
 */
class FailoverTest {

    private static final String NO_WORKERS = "{\"workers\":[],\"page\":0,\"size\":1000,\"total\":0}";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeMaster leader;
    private final List<Standby> standbys = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        leader = new FakeMaster();
        leader.replyJson(200, NO_WORKERS);
    }

    @AfterEach
    void stop() {
        leader.close();
        standbys.forEach(Standby::close);
    }

    @Test
    void aStandbyNamingTheLeaderSendsTheCallThereAndLaterCallsStartThere() throws IOException {
        Standby standby = standby(leader.url());
        DroverClient client = DroverClient.builder(standby.url()).build();

        client.workers();
        client.workers();

        assertThat(standby.calls()).isEqualTo(1);
        assertThat(leader.requests()).hasSize(2);
        assertThat(client.masterUrl()).isEqualTo(URI.create(leader.url()));
    }

    @Test
    void aStandbyThatKnowsNoLeaderMovesTheCallToTheNextMaster() throws IOException {
        Standby standby = standby(null);
        DroverClient client = DroverClient.create(standby.url() + "," + leader.url());

        client.workers();

        assertThat(standby.calls()).isEqualTo(1);
        assertThat(leader.lastRequest().path()).isEqualTo("/api/v1/workers");
    }

    @Test
    void aRefusedConnectionMovesTheCallToTheNextMaster() throws IOException {
        DroverClient client = DroverClient.builder(List.of(URI.create(refusingUrl()), URI.create(leader.url()))).build();

        client.workers();

        assertThat(client.masterUrl()).isEqualTo(URI.create(leader.url()));
    }

    @Test
    void aLoneMasterThatIsRecoveringIsAskedAgainAfterItsRetryAfter() throws IOException {
        Standby recovering = standby(null);
        recovering.answerAfter(2, NO_WORKERS);
        DroverClient client = DroverClient.create(recovering.url());

        long start = System.nanoTime();
        client.workers();

        assertThat(recovering.calls()).isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void whenNoMasterTakesTheCallItGivesUpWithTheLastProblem() throws IOException {
        Standby first = standby(null);
        Standby second = standby(null);
        DroverClient client = DroverClient.builder(first.url() + "," + second.url())
                .failoverTimeout(Duration.ofMillis(1500)).build();

        assertThatThrownBy(client::workers)
                .isInstanceOfSatisfying(DroverApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.detail()).isEqualTo("the master is RECOVERING");
                });
        assertThat(first.calls()).isGreaterThanOrEqualTo(1);
        assertThat(second.calls()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void whenEveryMasterRefusesItGivesUpAfterTheFailoverTimeoutNamingThem() throws IOException {
        String nobody = refusingUrl();
        DroverClient client = DroverClient.builder(nobody).failoverTimeout(Duration.ofMillis(500)).build();

        long start = System.nanoTime();
        assertThatThrownBy(client::workers)
                .isExactlyInstanceOf(DroverClientException.class)
                .hasMessageContaining("no master took it within 500 ms")
                .hasMessageContaining(nobody);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
    }

    @Test
    void anEventStreamThatBreaksBeforeTheFinalStateResumesAfterTheLastEventSeen() throws Exception {
        FakeMaster events = new FakeMaster();
        FakeMaster.EventStream first = events.replyStream();
        FakeMaster.EventStream second = events.replyStream();
        first.event("executor-added", 1, executorEvent("EXECUTOR_ADDED", 1, 0, ExecutorState.RUNNING))
                .event("application-state", 2, stateEvent(2, ApplicationState.RUNNING))
                .end();
        // A master that does not resume from Last-Event-ID repeats the picture as it is: seen ones are skipped.
        second.event("application-state", 2, stateEvent(2, ApplicationState.RUNNING))
                .event("application-state", 3, stateEvent(3, ApplicationState.FINISHED))
                .end();
        List<ApplicationEvent> received = new CopyOnWriteArrayList<>();
        DroverClient client = DroverClient.create(events.url());

        EventSubscription subscription = client.followEvents(APP_ID, received::add);

        assertThat(subscription.awaitEnd(WAIT)).isTrue();
        assertThat(subscription.failure()).isEmpty();
        assertThat(received).extracting(ApplicationEvent::sequence).containsExactly(1L, 2L, 3L);
        List<FakeMaster.Request> requests = events.requests();
        events.close();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).lastEventId()).isNull();
        assertThat(requests.get(1).lastEventId()).isEqualTo("2");
    }

    private Standby standby(String leaderUrl) throws IOException {
        Standby standby = new Standby(leaderUrl);
        standbys.add(standby);
        return standby;
    }

    private static String refusingUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    /**
     * A master that is not the leader: {@code 503} problem+json with {@code Retry-After: 1} and, when known,
     * the leader's URL; optionally it answers {@code 200} from a given call on, as a master that finished
     * recovering.
     */
    private static final class Standby implements AutoCloseable {

        private final HttpServer server;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile int answerFrom = Integer.MAX_VALUE;
        private volatile String answer;

        Standby(String leaderUrl) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    int call = calls.incrementAndGet();
                    boolean ready = call > answerFrom;
                    String body = ready ? answer
                            : "{\"status\":503,\"title\":\"Service Unavailable\",\"detail\":\"the master is RECOVERING\""
                            + (leaderUrl != null ? ",\"leader\":\"" + leaderUrl + "\"" : "") + "}";
                    exchange.getResponseHeaders().set("Content-Type", ready ? "application/json" : "application/problem+json");
                    if (!ready) {
                        exchange.getResponseHeaders().set("Retry-After", "1");
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(ready ? 200 : 503, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            });
            server.start();
        }

        void answerAfter(int refusals, String body) {
            this.answer = body;
            this.answerFrom = refusals;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int calls() {
            return calls.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

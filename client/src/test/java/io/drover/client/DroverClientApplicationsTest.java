package io.drover.client;

import static io.drover.client.ApplicationJson.APP_ID;
import static io.drover.client.ApplicationJson.application;
import static io.drover.client.ApplicationJson.executor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.drover.protocol.api.ApplicationView;
import io.drover.protocol.api.ExecutorView;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DroverClientApplicationsTest {

    private FakeMaster master;
    private DroverClient client;

    @BeforeEach
    void start() throws IOException {
        master = new FakeMaster();
        client = DroverClient.builder(master.url()).requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void registerApplicationPostsTheRequestAndReturnsTheId() {
        master.replyJson(201, "{\"appId\":\"" + APP_ID + "\"}");

        String id = client.registerApplication(new RegisterApplicationRequest("pi",
                CommandSpec.jvm("io.drover.examples.PiExecutor", List.of("{{APP_RESOURCE}}"), List.of()),
                "file:/tmp/examples.jar", 1, 256L, 4, null, "http://127.0.0.1:40123", "driver-20240101120000-0001"));

        assertThat(id).isEqualTo(APP_ID);
        FakeMaster.Request sent = master.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/v1/applications");
        assertThat(sent.contentType()).isEqualTo("application/json");
        JsonNode body = JsonMapper.shared().readTree(sent.body());
        assertThat(body.get("name").asString()).isEqualTo("pi");
        assertThat(body.at("/executorCommand/mainClass").asString()).isEqualTo("io.drover.examples.PiExecutor");
        assertThat(body.at("/executorCommand/classpath/0").asString()).isEqualTo("{{APP_RESOURCE}}");
        assertThat(body.get("appResource").asString()).isEqualTo("file:/tmp/examples.jar");
        assertThat(body.get("coresPerExecutor").asInt()).isEqualTo(1);
        assertThat(body.get("memoryPerExecutorMb").asLong()).isEqualTo(256);
        assertThat(body.get("maxCores").asInt()).isEqualTo(4);
        assertThat(body.has("executorLimit")).as("nulls are left out").isFalse();
        assertThat(body.get("driverUrl").asString()).isEqualTo("http://127.0.0.1:40123");
        assertThat(body.get("driverId").asString()).isEqualTo("driver-20240101120000-0001");
        assertThat(body.has("coresPerExecutorWithinMaxCores")).isFalse();
    }

    @Test
    void aRegistrationWithoutAnIdIsAClientException() {
        master.replyJson(201, "{}");

        assertThatThrownBy(() -> client.registerApplication(minimal()))
                .isExactlyInstanceOf(DroverClientException.class)
                .hasMessageContaining("without an appId");
    }

    @Test
    void badInputIsAProblem() {
        master.reply(400, "application/problem+json",
                "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"memoryPerExecutorMb: must be greater than 0\"}");

        assertThatThrownBy(() -> client.registerApplication(minimal()))
                .isInstanceOfSatisfying(DroverApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.detail()).isEqualTo("memoryPerExecutorMb: must be greater than 0");
                });
    }

    @Test
    void readsOneApplicationWithItsExecutors() {
        master.replyJson(200, application(ApplicationState.RUNNING,
                executor(0, ExecutorState.RUNNING), executor(1, ExecutorState.LAUNCHING)));

        ApplicationView view = client.application(APP_ID);

        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/applications/" + APP_ID);
        assertThat(view.appId()).isEqualTo(APP_ID);
        assertThat(view.state()).isEqualTo(ApplicationState.RUNNING);
        assertThat(view.maxCores()).isEqualTo(4);
        assertThat(view.executorLimit()).isNull();
        assertThat(view.coresGranted()).isEqualTo(2);
        assertThat(view.executors()).extracting(ExecutorView::executorId, ExecutorView::state)
                .containsExactly(tuple(0, ExecutorState.RUNNING),
                        tuple(1, ExecutorState.LAUNCHING));
    }

    @Test
    void listsApplications() {
        master.replyJson(200, "[" + application(ApplicationState.WAITING) + "]");

        assertThat(client.applications()).extracting(ApplicationView::state).containsExactly(ApplicationState.WAITING);
        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/applications");
        assertThat(master.lastRequest().method()).isEqualTo("GET");
    }

    @Test
    void finishAndKillPostAndExpect202() {
        master.reply(202, null, "");

        client.finishApplication(APP_ID);
        assertThat(master.lastRequest().method()).isEqualTo("POST");
        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/applications/" + APP_ID + "/finish");

        client.killApplication(APP_ID);
        assertThat(master.lastRequest().method()).isEqualTo("POST");
        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/applications/" + APP_ID + "/kill");
    }

    @Test
    void finishingAnEndedApplicationIsAConflict() {
        master.reply(409, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"application is already KILLED\"}");

        assertThatThrownBy(() -> client.finishApplication(APP_ID))
                .isInstanceOfSatisfying(DroverApiException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void setExecutorLimitPutsTheLimit() {
        master.reply(202, null, "");

        client.setExecutorLimit(APP_ID, 3);

        FakeMaster.Request sent = master.lastRequest();
        assertThat(sent.method()).isEqualTo("PUT");
        assertThat(sent.path()).isEqualTo("/api/v1/applications/" + APP_ID + "/executor-limit");
        assertThat(sent.contentType()).isEqualTo("application/json");
        assertThat(JsonMapper.shared().readTree(sent.body()).get("limit").asInt()).isEqualTo(3);
        assertThatThrownBy(() -> client.setExecutorLimit(APP_ID, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void killExecutorPostsToTheExecutor() {
        master.reply(202, null, "");

        client.killExecutor(APP_ID, 2);

        assertThat(master.lastRequest().method()).isEqualTo("POST");
        assertThat(master.lastRequest().path()).isEqualTo("/api/v1/applications/" + APP_ID + "/executors/2/kill");
    }

    @Test
    void anUnknownExecutorIsA404() {
        master.reply(404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no executor 9\"}");

        assertThatThrownBy(() -> client.killExecutor(APP_ID, 9))
                .isInstanceOfSatisfying(DroverApiException.class, e -> assertThat(e.detail()).isEqualTo("no executor 9"));
    }

    @Test
    void awaitApplicationPollsUntilTheConditionHolds() {
        master.replyJson(200, application(ApplicationState.WAITING))
                .replyJson(200, application(ApplicationState.RUNNING));

        ApplicationView running = client.awaitApplication(APP_ID, s -> s == ApplicationState.RUNNING, Duration.ofSeconds(5));

        assertThat(running.state()).isEqualTo(ApplicationState.RUNNING);
        assertThat(master.requests()).hasSize(2);
    }

    @Test
    void awaitApplicationStopsAtAFinalStateThatCannotMatch() {
        master.replyJson(200, application(ApplicationState.FAILED));

        assertThatThrownBy(() -> client.awaitApplication(APP_ID, s -> s == ApplicationState.RUNNING, Duration.ofSeconds(30)))
                .isExactlyInstanceOf(DroverClientException.class)
                .hasMessageContaining("ended FAILED");
    }

    @Test
    void awaitApplicationGivesUpAfterTheTimeout() {
        master.replyJson(200, application(ApplicationState.WAITING));

        assertThatThrownBy(() -> client.awaitApplication(APP_ID, ApplicationState::isTerminal, Duration.ofMillis(200)))
                .isExactlyInstanceOf(DroverClientException.class)
                .hasMessageContaining("still WAITING");
    }

    private static RegisterApplicationRequest minimal() {
        return new RegisterApplicationRequest("x", CommandSpec.executable("/bin/true", List.of()),
                null, null, 64L, null, null, null, null);
    }
}

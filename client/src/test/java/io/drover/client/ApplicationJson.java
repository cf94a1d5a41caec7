package io.drover.client;

import io.drover.protocol.state.ApplicationState;
import io.drover.protocol.state.ExecutorState;

/** JSON documents as the master writes them, for the fake master's scripts. */
final class ApplicationJson {

    static final String APP_ID = "app-20240101120000-0001";
    static final String WORKER_ID = "worker-20240101115900-127.0.0.1-8081";

    private ApplicationJson() {
    }

    static String application(ApplicationState state, String... executors) {
        return "{\"appId\":\"" + APP_ID + "\",\"name\":\"pi\",\"state\":\"" + state + "\","
                + "\"driverId\":\"driver-20240101120000-0001\",\"driverUrl\":\"http://127.0.0.1:40123\","
                + "\"coresPerExecutor\":1,\"memoryPerExecutorMb\":256,\"maxCores\":4,\"executorLimit\":null,"
                + "\"coresGranted\":" + executors.length + ",\"submittedAt\":\"2024-01-01T12:00:00Z\",\"endedAt\":null,"
                + "\"message\":null,\"executors\":[" + String.join(",", executors) + "],\"addedLater\":true}";
    }

    static String executor(int executorId, ExecutorState state) {
        return "{\"appId\":\"" + APP_ID + "\",\"executorId\":" + executorId + ",\"workerId\":\"" + WORKER_ID + "\","
                + "\"workerUrl\":\"http://127.0.0.1:8081\",\"cores\":1,\"memoryMb\":256,\"state\":\"" + state + "\","
                + "\"exitCode\":null,\"message\":null,\"launchedAt\":\"2024-01-01T12:00:01Z\",\"endedAt\":null}";
    }

    static String executorEvent(String type, long sequence, int executorId, ExecutorState state) {
        return "{\"type\":\"" + type + "\",\"sequence\":" + sequence + ",\"appId\":\"" + APP_ID + "\","
                + "\"executor\":" + executor(executorId, state) + ",\"state\":null,\"message\":null}";
    }

    static String stateEvent(long sequence, ApplicationState state) {
        return "{\"type\":\"APPLICATION_STATE\",\"sequence\":" + sequence + ",\"appId\":\"" + APP_ID + "\","
                + "\"executor\":null,\"state\":\"" + state + "\",\"message\":null}";
    }
}

package io.drover.protocol;

/**
 * URL paths shared by the master, the workers and the client, so neither side spells a route twice.
 * Public calls live under {@code /api/v1}; the master ↔ worker protocol under {@code /internal/v1}.
 */
public final class Paths {

    public static final String API = "/api/v1";
    public static final String INTERNAL = "/internal/v1";

    // Master, public.
    public static final String APPLICATIONS = API + "/applications";
    public static final String APPLICATION = APPLICATIONS + "/{appId}";
    public static final String APPLICATION_EVENTS = APPLICATION + "/events";
    public static final String APPLICATION_FINISH = APPLICATION + "/finish";
    public static final String APPLICATION_KILL = APPLICATION + "/kill";
    public static final String APPLICATION_EXECUTOR_LIMIT = APPLICATION + "/executor-limit";
    public static final String APPLICATION_EXECUTOR_KILL = APPLICATION + "/executors/{executorId}/kill";
    public static final String DRIVERS = API + "/drivers";
    public static final String DRIVER = DRIVERS + "/{driverId}";
    public static final String DRIVER_KILL = DRIVER + "/kill";
    public static final String DRIVER_LOG = DRIVER + "/logs/{stream}";
    public static final String WORKERS = API + "/workers";
    public static final String WORKER = WORKERS + "/{workerId}";
    public static final String WORKER_DECOMMISSION = WORKER + "/decommission";
    public static final String QUEUES = API + "/queues";
    public static final String CLUSTER = API + "/cluster";
    public static final String CLUSTER_HISTORY = CLUSTER + "/history";

    // Master, worker protocol.
    public static final String INTERNAL_WORKERS = INTERNAL + "/workers";
    public static final String INTERNAL_HEARTBEAT = INTERNAL_WORKERS + "/{workerId}/heartbeat";
    public static final String INTERNAL_STATES = INTERNAL_WORKERS + "/{workerId}/states";
    public static final String INTERNAL_LEAVE = INTERNAL_WORKERS + "/{workerId}/leave";
    public static final String INTERNAL_DECOMMISSIONING = INTERNAL_WORKERS + "/{workerId}/decommission";

    // Worker, public.
    public static final String WORKER_STATE = API + "/worker";
    public static final String WORKER_DRIVER_LOG = API + "/logs/drivers/{driverId}/{stream}";
    public static final String WORKER_EXECUTOR_LOG = API + "/logs/{appId}/{executorId}/{stream}";

    // Worker, master protocol.
    public static final String INTERNAL_LAUNCH_DRIVER = INTERNAL + "/drivers";
    public static final String INTERNAL_KILL_DRIVER = INTERNAL + "/drivers/{driverId}/kill";
    public static final String INTERNAL_LAUNCH_EXECUTOR = INTERNAL + "/executors";
    public static final String INTERNAL_KILL_EXECUTOR = INTERNAL + "/executors/{appId}/{executorId}/kill";
    public static final String INTERNAL_APPLICATION_FINISHED = INTERNAL + "/applications/{appId}/finished";
    public static final String INTERNAL_MASTER_CHANGED = INTERNAL + "/master-changed";
    public static final String INTERNAL_DECOMMISSION_WORKER = INTERNAL + "/decommission";

    /** Response headers of a log byte range: where it starts and how long the whole file is now. */
    public static final String LOG_OFFSET_HEADER = "Drover-Log-Offset";
    public static final String LOG_FILE_LENGTH_HEADER = "Drover-Log-File-Length";

    /** How an executor is named in inventories and kill lists: {@code <appId>/<executorId>}. */
    public static String executorKey(String appId, int executorId) {
        return appId + "/" + executorId;
    }

    private Paths() {
    }
}

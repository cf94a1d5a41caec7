package io.drover.protocol;

/**
 * URL paths shared by the master, the workers and the client, so neither side spells a route twice.
 * Public calls live under {@code /api/v1}; the master ↔ worker protocol under {@code /internal/v1}.
 */
public final class Paths {

    public static final String API = "/api/v1";
    public static final String INTERNAL = "/internal/v1";

    // Master, public.
    public static final String DRIVERS = API + "/drivers";
    public static final String DRIVER = DRIVERS + "/{driverId}";
    public static final String DRIVER_KILL = DRIVER + "/kill";
    public static final String DRIVER_LOG = DRIVER + "/logs/{stream}";
    public static final String WORKERS = API + "/workers";
    public static final String WORKER = WORKERS + "/{workerId}";
    public static final String CLUSTER = API + "/cluster";

    // Master, worker protocol.
    public static final String INTERNAL_WORKERS = INTERNAL + "/workers";
    public static final String INTERNAL_HEARTBEAT = INTERNAL_WORKERS + "/{workerId}/heartbeat";
    public static final String INTERNAL_DRIVER_STATES = INTERNAL_WORKERS + "/{workerId}/driver-states";

    // Worker, public.
    public static final String WORKER_STATE = API + "/worker";
    public static final String WORKER_DRIVER_LOG = API + "/logs/drivers/{driverId}/{stream}";

    // Worker, master protocol.
    public static final String INTERNAL_LAUNCH_DRIVER = INTERNAL + "/drivers";
    public static final String INTERNAL_KILL_DRIVER = INTERNAL + "/drivers/{driverId}/kill";

    /** Response headers of a log byte range: where it starts and how long the whole file is now. */
    public static final String LOG_OFFSET_HEADER = "Drover-Log-Offset";
    public static final String LOG_FILE_LENGTH_HEADER = "Drover-Log-File-Length";

    private Paths() {
    }
}

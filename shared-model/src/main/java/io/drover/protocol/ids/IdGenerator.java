package io.drover.protocol.ids;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Makes ids in the §1 patterns. Drivers and applications share Spark's scheme: a timestamp and a number.
 * The numbers come from the master's state, where they are counted and stored with everything else, so an
 * id is never handed out twice, not even across restarts and failovers.
 */
public final class IdGenerator {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public IdGenerator(Clock clock) {
        this.clock = clock;
    }

    public String driverId(long number) {
        return "driver-" + stamp() + "-" + String.format("%04d", number);
    }

    public String appId(long number) {
        return "app-" + stamp() + "-" + String.format("%04d", number);
    }

    /** A worker names itself from its start time and the address it serves on. */
    public static String workerId(Clock clock, String host, int port) {
        String safeHost = host.replaceAll("[^A-Za-z0-9.\\-]", "-");
        return "worker-" + STAMP.format(clock.instant()) + "-" + safeHost + "-" + port;
    }

    private String stamp() {
        return STAMP.format(clock.instant());
    }
}

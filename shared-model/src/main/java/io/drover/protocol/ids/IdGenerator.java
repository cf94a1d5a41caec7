package io.drover.protocol.ids;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes ids in the §1 patterns. Drivers and applications share Spark's scheme: a timestamp and a counter
 * that runs for the life of the master, so ids sort by submission and never repeat within one master.
 */
public final class IdGenerator {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final AtomicLong nextDriver = new AtomicLong();
    private final AtomicLong nextApp = new AtomicLong();

    public IdGenerator(Clock clock) {
        this.clock = clock;
    }

    /** Continues numbering after ids a recovered master already handed out. */
    public IdGenerator(Clock clock, long nextDriverNumber, long nextAppNumber) {
        this(clock);
        nextDriver.set(nextDriverNumber);
        nextApp.set(nextAppNumber);
    }

    public String newDriverId() {
        return "driver-" + stamp() + "-" + String.format("%04d", nextDriver.getAndIncrement());
    }

    public String newAppId() {
        return "app-" + stamp() + "-" + String.format("%04d", nextApp.getAndIncrement());
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

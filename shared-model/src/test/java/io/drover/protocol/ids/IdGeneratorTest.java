package io.drover.protocol.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:09:10Z"), ZoneOffset.UTC);

    @Test
    void driverIdsCarryTheTimeAndACounter() {
        IdGenerator ids = new IdGenerator(CLOCK);

        assertThat(ids.newDriverId()).isEqualTo("driver-20261122080910-0000");
        assertThat(ids.newDriverId()).isEqualTo("driver-20261122080910-0001");
    }

    @Test
    void appIdsCountSeparatelyFromDrivers() {
        IdGenerator ids = new IdGenerator(CLOCK);
        ids.newDriverId();

        assertThat(ids.newAppId()).isEqualTo("app-20261122080910-0000");
    }

    @Test
    void generatedIdsMatchTheirPatterns() {
        IdGenerator ids = new IdGenerator(CLOCK, 12345, 0);

        assertThat(Ids.isDriverId(ids.newDriverId())).isTrue();
        assertThat(Ids.isAppId(ids.newAppId())).isTrue();
        assertThat(Ids.isWorkerId(IdGenerator.workerId(CLOCK, "127.0.0.1", 8081))).isTrue();
    }

    @Test
    void workerIdsNameTheirAddress() {
        assertThat(IdGenerator.workerId(CLOCK, "host_a", 7078)).isEqualTo("worker-20261122080910-host-a-7078");
    }

    @Test
    void pathTricksAreNotIds() {
        assertThat(Ids.isDriverId("../driver-20261122080910-0000")).isFalse();
        assertThat(Ids.isDriverId("driver-20261122080910-0000/..")).isFalse();
        assertThat(Ids.isDriverId(null)).isFalse();
    }
}

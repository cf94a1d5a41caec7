package io.drover.protocol.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:09:10Z"), ZoneOffset.UTC);

    @Test
    void driverIdsCarryTheTimeAndTheirNumber() {
        IdGenerator ids = new IdGenerator(CLOCK);

        assertThat(ids.driverId(0)).isEqualTo("driver-20261122080910-0000");
        assertThat(ids.driverId(1)).isEqualTo("driver-20261122080910-0001");
    }

    @Test
    void appIdsCarryTheTimeAndTheirNumber() {
        assertThat(new IdGenerator(CLOCK).appId(7)).isEqualTo("app-20261122080910-0007");
    }

    @Test
    void generatedIdsMatchTheirPatterns() {
        IdGenerator ids = new IdGenerator(CLOCK);

        assertThat(Ids.isDriverId(ids.driverId(12345))).isTrue();
        assertThat(Ids.isAppId(ids.appId(0))).isTrue();
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

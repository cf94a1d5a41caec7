package io.drover.master.scheduling.placement;

/** A placement decision: run this driver on this worker. */
public record DriverAssignment(String driverId, String workerId) {
}

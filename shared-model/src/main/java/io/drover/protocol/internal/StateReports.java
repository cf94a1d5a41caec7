package io.drover.protocol.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Worker → master, {@code POST /internal/v1/workers/{workerId}/states}: the state changes of drivers and
 * executors the worker has not sent yet, each list oldest first. A worker sends what piled up while its
 * last call was under way in one call, so a burst of short processes costs a few calls instead of two per
 * process.
 */
public record StateReports(
        @NotNull @Size(max = 1000) List<@NotNull @Valid DriverStateChanged> drivers,
        @NotNull @Size(max = 1000) List<@NotNull @Valid ExecutorStateChanged> executors) {

    public StateReports {
        drivers = drivers == null ? List.of() : List.copyOf(drivers);
        executors = executors == null ? List.of() : List.copyOf(executors);
    }

    public static StateReports ofDrivers(List<DriverStateChanged> drivers) {
        return new StateReports(drivers, List.of());
    }

    /** Bean Validation reads this as the property {@code notEmpty}. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    @AssertTrue(message = "a report must carry at least one state change")
    public boolean isNotEmpty() {
        return !drivers.isEmpty() || !executors.isEmpty();
    }
}

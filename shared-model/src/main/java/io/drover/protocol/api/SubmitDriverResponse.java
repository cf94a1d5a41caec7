package io.drover.protocol.api;

/** The answer to a submission: {@code 201} with the new driver's id. */
public record SubmitDriverResponse(String driverId) {
}

package io.drover.protocol.api;

/** The answer to a registration: {@code 201} with the new application's id. */
public record RegisterApplicationResponse(String appId) {
}

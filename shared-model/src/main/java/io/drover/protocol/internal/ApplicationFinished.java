package io.drover.protocol.internal;

import jakarta.validation.constraints.NotBlank;

/**
 * Master → worker, {@code POST /internal/v1/applications/{appId}/finished}: the application is over; the
 * worker kills what is left of its executors and deletes its local directories.
 */
public record ApplicationFinished(@NotBlank String masterUrl, long epoch) {
}

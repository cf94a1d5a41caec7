package io.drover.protocol.api;

import io.drover.protocol.command.CommandSpec;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/workers/{workerId}/decommission} (admin): the body is optional.
 *
 * @param reason said in the log, the API and the messages of the work that moves off the worker
 */
public record DecommissionRequest(
        @Size(max = 500) @Pattern(regexp = CommandSpec.NO_CONTROL, message = CommandSpec.NO_CONTROL_MESSAGE)
        String reason) {
}

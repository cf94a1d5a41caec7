package io.drover.protocol.spark;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Every answer of Spark's REST submission protocol: Spark's response classes differ only in which of these
 * fields they set, and {@code action} names the class ({@code CreateSubmissionResponse},
 * {@code SubmissionStatusResponse}, {@code KillSubmissionResponse}, {@code KillAllSubmissionResponse},
 * {@code ClearResponse}, {@code ReadyzResponse}, {@code ErrorResponse}). Spark's client picks the class by
 * {@code action} and checks that {@code serverSparkVersion}, and {@code success} on all but errors, are set.
 * Written like Spark writes it: keys in alphabetical order, nulls left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder(alphabetic = true)
public record SubmitRestResponse(
        String action,
        String driverState,
        String highestProtocolVersion,
        String message,
        String serverSparkVersion,
        String submissionId,
        Boolean success,
        List<String> unknownFields,
        String workerHostPort,
        String workerId) {

    /** The protocol version this server speaks, the only one Spark has. */
    public static final String PROTOCOL_VERSION = "v1";
    /** The HTTP status Spark answers to a request for another protocol version. */
    public static final int UNKNOWN_PROTOCOL_VERSION_STATUS = 468;

    public static SubmitRestResponse created(String version, String submissionId, boolean success, String message,
            List<String> unknownFields) {
        return new SubmitRestResponse("CreateSubmissionResponse", null, null, message, version, submissionId, success,
                unknownFields == null || unknownFields.isEmpty() ? null : List.copyOf(unknownFields), null, null);
    }

    /** A status; {@code driverState} and the worker are null for an unknown submission. */
    public static SubmitRestResponse status(String version, String submissionId, boolean found, String driverState,
            String workerId, String workerHostPort, String message) {
        return new SubmitRestResponse("SubmissionStatusResponse", driverState, null, message, version, submissionId,
                found, null, workerHostPort, workerId);
    }

    public static SubmitRestResponse killed(String version, String submissionId, boolean success, String message) {
        return new SubmitRestResponse("KillSubmissionResponse", null, null, message, version, submissionId, success,
                null, null, null);
    }

    public static SubmitRestResponse killedAll(String version, boolean success, String message) {
        return new SubmitRestResponse("KillAllSubmissionResponse", null, null, message, version, null, success, null,
                null, null);
    }

    public static SubmitRestResponse cleared(String version, boolean success) {
        return new SubmitRestResponse("ClearResponse", null, null, "", version, null, success, null, null, null);
    }

    public static SubmitRestResponse ready(String version) {
        return new SubmitRestResponse("ReadyzResponse", null, null, "", version, null, true, null, null, null);
    }

    public static SubmitRestResponse error(String version, String message) {
        return new SubmitRestResponse("ErrorResponse", null, null, message, version, null, null, null, null, null);
    }

    /** The answer to a request for a protocol version other than {@value #PROTOCOL_VERSION}. */
    public static SubmitRestResponse unknownVersion(String version, String message) {
        return new SubmitRestResponse("ErrorResponse", null, PROTOCOL_VERSION, message, version, null, null, null,
                null, null);
    }
}

package io.drover.protocol.spark;

import java.util.List;
import java.util.Map;

/**
 * What {@code spark-submit --deploy-mode cluster} posts to {@code /v1/submissions/create}. Every field may be
 * missing here; the server checks them the way Spark's {@code CreateSubmissionRequest.doValidate} does.
 *
 * @param action the message's class name, {@value #ACTION}
 * @param appResource the application's jar (may be empty)
 * @param sparkProperties all of the client's configuration ({@code spark.*})
 * @param environmentVariables the client's {@code SPARK_*} environment
 * @param clientSparkVersion the client's Spark version (may be empty)
 */
public record CreateSubmissionRequest(
        String action,
        String appResource,
        String mainClass,
        List<String> appArgs,
        String clientSparkVersion,
        Map<String, String> sparkProperties,
        Map<String, String> environmentVariables) {

    public static final String ACTION = "CreateSubmissionRequest";

    /** The fields Spark's request class knows; any other top-level field comes back in {@code unknownFields}. */
    public static final List<String> FIELDS = List.of("action", "appResource", "mainClass", "appArgs",
            "clientSparkVersion", "sparkProperties", "environmentVariables", "message");
}

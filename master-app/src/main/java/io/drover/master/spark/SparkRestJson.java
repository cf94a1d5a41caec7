package io.drover.master.spark;

import io.drover.protocol.spark.CreateSubmissionRequest;
import io.drover.protocol.spark.SubmitRestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the one request body of Spark's protocol and writes its answers the way Spark's server does: Jackson's
 * pretty printer with {@code "key" : value}, keys in alphabetical order, nulls left out. Reading follows
 * Spark's {@code SubmitRestProtocolMessage.fromJson}: the {@code action} picks the message type.
 */
final class SparkRestJson {

    /** Spark's response classes: a client that posts one of these gets "unexpected type", not "unknown". */
    private static final Set<String> RESPONSE_ACTIONS = Set.of("CreateSubmissionResponse", "KillSubmissionResponse",
            "KillAllSubmissionResponse", "SubmissionStatusResponse", "ClearResponse", "ReadyzResponse",
            "ErrorResponse");

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.BOTH));

    /** A create request that Spark would read, and the top-level fields it does not know. */
    record Parsed(CreateSubmissionRequest request, List<String> unknownFields) {
    }

    /** @throws SparkRestException worded as Spark's server words what it cannot read */
    Parsed readCreate(byte[] body) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JacksonException e) {
            throw SparkRestException.malformed(e.getClass().getName() + ": " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw SparkRestException.malformed("tools.jackson.databind.exc.MismatchedInputException: "
                    + "No content to map due to end-of-input");
        }
        JsonNode action = tree.isObject() ? tree.get("action") : null;
        if (action == null || !action.isString()) {
            throw SparkRestException.malformed("org.apache.spark.deploy.rest.SubmitRestMissingFieldException: "
                    + "Action field not found in JSON:\n" + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        String type = action.asString();
        if (RESPONSE_ACTIONS.contains(type)) {
            throw new SparkRestException(400, "Received message of unexpected type " + type + ".");
        }
        if (!type.equals(CreateSubmissionRequest.ACTION)) {
            // Spark's server fails here with a ClassNotFoundException and an HTML 500; the same words as a 400.
            throw SparkRestException.malformed("java.lang.ClassNotFoundException: org.apache.spark.deploy.rest." + type);
        }
        CreateSubmissionRequest request;
        try {
            request = mapper.treeToValue(tree, CreateSubmissionRequest.class);
        } catch (JacksonException e) {
            throw SparkRestException.malformed(e.getClass().getName() + ": " + e.getOriginalMessage());
        }
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            if (!CreateSubmissionRequest.FIELDS.contains(field.getKey())) {
                unknown.add(field.getKey());
            }
        }
        return new Parsed(withoutNullProperties(request), unknown);
    }

    /** A property sent as {@code null} has no value to pass on; Spark's conf would hold none either. */
    private static CreateSubmissionRequest withoutNullProperties(CreateSubmissionRequest request) {
        if (request.sparkProperties() == null || !request.sparkProperties().containsValue(null)) {
            return request;
        }
        Map<String, String> properties = new java.util.LinkedHashMap<>(request.sparkProperties());
        properties.values().removeIf(java.util.Objects::isNull);
        return new CreateSubmissionRequest(request.action(), request.appResource(), request.mainClass(),
                request.appArgs(), request.clientSparkVersion(), properties, request.environmentVariables());
    }

    byte[] write(SubmitRestResponse response) {
        return mapper.writer().with(printer).writeValueAsBytes(response);
    }
}

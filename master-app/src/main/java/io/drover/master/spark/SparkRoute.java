package io.drover.master.spark;

import io.drover.protocol.spark.SubmitRestResponse;
import java.util.Arrays;
import java.util.List;

/**
 * Where a request on the Spark port goes, by Spark's servlet mapping ({@code RestSubmissionServer}):
 * {@code /v1/submissions/<action>/*} to its handler, everything else to Spark's error servlet, whose answers
 * (400 for a missing part, 468 for another protocol version) are worded here as Spark words them. Pure.
 */
sealed interface SparkRoute {

    String GUIDE = " Please submit requests through http://[host]:[port]/" + SubmitRestResponse.PROTOCOL_VERSION
            + "/submissions/...";

    record Create() implements SparkRoute {
    }

    /** @param submissionId null when the path names none */
    record Status(String submissionId) implements SparkRoute {
    }

    /** @param submissionId null when the path names none */
    record Kill(String submissionId) implements SparkRoute {
    }

    record KillAll() implements SparkRoute {
    }

    record Clear() implements SparkRoute {
    }

    record Readyz() implements SparkRoute {
    }

    /** An action's path with a method its handler does not take. */
    record WrongMethod(String method) implements SparkRoute {
    }

    /** Spark's error servlet: {@code unknownVersion} answers 468 with {@code highestProtocolVersion}. */
    record Error(String message, boolean unknownVersion) implements SparkRoute {
    }

    static SparkRoute of(String method, String path) {
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        String version = SubmitRestResponse.PROTOCOL_VERSION;
        if (parts.size() >= 3 && parts.get(0).equals(version) && parts.get(1).equals("submissions")) {
            String id = parts.size() > 3 ? parts.get(3) : null;
            boolean get = method.equals("GET") || method.equals("HEAD");
            boolean post = method.equals("POST");
            SparkRoute action = switch (parts.get(2)) {
                case "create" -> post ? new Create() : null;
                case "status" -> get ? new Status(id) : null;
                case "kill" -> post ? new Kill(id) : null;
                case "killall" -> post ? new KillAll() : null;
                case "clear" -> post ? new Clear() : null;
                case "readyz" -> get ? new Readyz() : null;
                default -> new Error("Missing an action: please specify one of /create, /kill, /killall, /clear, "
                        + "/status, or /readyz." + GUIDE, false);
            };
            return action != null ? action : new WrongMethod(method);
        }
        if (parts.isEmpty()) {
            return new Error("Missing protocol version." + GUIDE, false);
        }
        if (parts.equals(List.of(version))) {
            return new Error("Missing the /submissions prefix." + GUIDE, false);
        }
        if (parts.get(0).equals(version) && parts.get(1).equals("submissions")) {
            return new Error("Missing an action: please specify one of /create, /kill, /killall, /clear, "
                    + "/status, or /readyz." + GUIDE, false);
        }
        // Spark's match takes any other first part as the version, even "v1" in /v1/other: 468 as there.
        return new Error("Unknown protocol version '" + parts.get(0) + "'." + GUIDE, true);
    }
}

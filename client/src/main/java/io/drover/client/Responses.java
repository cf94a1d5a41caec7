package io.drover.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads bodies into records and turns unexpected answers into {@link DroverApiException}s. */
final class Responses {

    /** How much of a body that is not a problem document an exception keeps as its detail. */
    static final int MAX_DETAIL_CHARS = 500;

    private final JsonMapper json;

    Responses(JsonMapper json) {
        this.json = json;
    }

    byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new DroverClientException("could not write the request body: " + e.getOriginalMessage(), e);
        }
    }

    <T> T read(HttpResponse<byte[]> response, String method, String path, JavaType type) {
        try {
            return json.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new DroverClientException(method + " " + path + " answered a body that is not a "
                    + type.getRawClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The exception for an unexpected answer: with {@code title} and {@code detail} from an RFC 9457 problem
     * document, or the start of the body as the detail when it is anything else.
     */
    DroverApiException error(String method, String path, HttpResponse<byte[]> response) {
        return error(method, path, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                new String(response.body(), StandardCharsets.UTF_8));
    }

    /** As {@link #error(String, String, HttpResponse)}, for a body already read as text. */
    DroverApiException error(String method, String path, int status, String contentType, String text) {
        if (contentType.contains("json")) {
            try {
                JsonNode problem = json.readTree(text);
                if (problem != null && problem.isObject()) {
                    return new DroverApiException(method, path, status,
                            string(problem, "title"), string(problem, "detail"));
                }
            } catch (JacksonException e) {
                // Not JSON after all: fall through and report the text.
            }
        }
        String detail = text.strip();
        if (detail.length() > MAX_DETAIL_CHARS) {
            detail = detail.substring(0, MAX_DETAIL_CHARS) + "…";
        }
        return new DroverApiException(method, path, status, null, detail.isEmpty() ? null : detail);
    }

    /**
     * The {@code leader} a standby master names in its {@code 503} problem (issue 9), when the body is a
     * problem document with an http(s) URL there.
     */
    Optional<URI> leader(String contentType, String text) {
        if (!contentType.contains("json") || text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode problem = json.readTree(text);
            String leader = problem != null && problem.isObject() ? string(problem, "leader") : null;
            if (leader == null || leader.isBlank()) {
                return Optional.empty();
            }
            URI url = new URI(leader.strip());
            boolean http = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
            return http && url.getHost() != null ? Optional.of(url) : Optional.empty();
        } catch (JacksonException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}

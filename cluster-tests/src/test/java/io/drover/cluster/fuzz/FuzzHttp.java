package io.drover.cluster.fuzz;

import io.drover.cluster.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** Sends fuzz requests with the JDK client over HTTP/1.1 (no h2c upgrade headers of its own) and keeps the answer. */
final class FuzzHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * What came back: a status, or none and the reason.
     *
     * @param wire the request as sent: method, URI, headers and the start of the body
     */
    record Answer(String wire, int status, String contentType, String body, String failure) {

        boolean answered() {
            return failure == null;
        }

        boolean isProblemJson() {
            return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return answered() ? status + " " + FuzzRequest.abbreviate(contentType) + " " + FuzzRequest.abbreviate(body)
                    : "no answer: " + failure;
        }
    }

    Answer send(FuzzRequest request, String baseUrl, LiveRef.Resolver live) {
        URI uri = URI.create(baseUrl + request.pathAndQuery(live));
        byte[] body = request.body().bytes(live);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        StringBuilder wire = new StringBuilder(request.method()).append(' ').append(FuzzRequest.abbreviate(uri.toString()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
            wire.append("\n      Content-Type: ").append(FuzzRequest.abbreviate(request.contentType()));
        }
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
            wire.append("\n      Accept: ").append(FuzzRequest.abbreviate(request.accept()));
        }
        // Every fuzz request carries the credential, so it reaches the handlers, unless it sends its own.
        if (request.headers().stream().noneMatch(header -> header.name().equalsIgnoreCase("Authorization"))) {
            builder.header("Authorization", "Bearer " + Credentials.SECRET);
        }
        for (FuzzRequest.Header header : request.headers()) {
            builder.header(header.name(), header.value());
            wire.append("\n      ").append(header);
        }
        wire.append("\n      body: ").append(body == null ? "(none)"
                : body.length + " bytes: " + FuzzRequest.abbreviate(new String(body, StandardCharsets.UTF_8)));
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(wire.toString(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new Answer(wire.toString(), 0, null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A plain JSON call for setting the cluster up and reading its state; fails on anything but {@code expected}. */
    String call(String method, String url, String json, int expected) {
        HttpRequest.Builder builder = Credentials.authorized(url).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (json == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (expected != 0 && response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.drover.cluster;

import io.drover.client.DroverApiException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Test helpers that turn a refused call into a {@link Problem} to assert on. */
final class ApiErrors {

    record Problem(int status, String detail) {
    }

    private ApiErrors() {
    }

    /** The problem a client call was refused with; empty when it succeeded. */
    static Optional<Problem> statusOf(Runnable call) {
        try {
            call.run();
            return Optional.empty();
        } catch (DroverApiException e) {
            return Optional.of(new Problem(e.status(), e.detail()));
        }
    }

    /** A raw GET, for paths the client would never build (path tricks); empty when it answered 2xx. */
    static Optional<Problem> rawGet(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    Credentials.authorized(url).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() < 300 ? Optional.empty()
                    : Optional.of(new Problem(response.statusCode(), response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

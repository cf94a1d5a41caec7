package io.drover.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The token the plugin presents to Drover. A driver that Drover started has its own in
 * {@code DROVER_AUTH_TOKEN} (derived by its worker, good for what that driver submitted); a driver started
 * anywhere else names one with {@code spark.drover.token} or, to keep it off the command line,
 * {@code spark.drover.token-file}. With none, calls go without credentials (a cluster with authentication off).
 */
final class DroverCredentials {

    static final String ENVIRONMENT = "DROVER_AUTH_TOKEN";
    static final String TOKEN = "spark.drover.token";
    static final String TOKEN_FILE = "spark.drover.token-file";

    private DroverCredentials() {
    }

    static Optional<String> resolve(Map<String, String> environment, Map<String, String> conf) {
        String own = environment.get(ENVIRONMENT);
        if (own != null && !own.isBlank()) {
            return Optional.of(own.trim());
        }
        String token = conf.get(TOKEN);
        if (token != null && !token.isBlank()) {
            return Optional.of(token.trim());
        }
        String file = conf.get(TOKEN_FILE);
        if (file != null && !file.isBlank()) {
            try {
                String read = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
                if (read.isEmpty()) {
                    throw new IllegalArgumentException(TOKEN_FILE + ": " + file + " is empty");
                }
                return Optional.of(read);
            } catch (IOException e) {
                throw new UncheckedIOException(TOKEN_FILE + ": cannot read " + file, e);
            }
        }
        return Optional.empty();
    }
}

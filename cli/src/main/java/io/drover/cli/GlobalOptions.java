package io.drover.cli;

import io.drover.client.DroverClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, before or after the command's name ({@code drover --output json status ID}
 * and {@code drover status ID --output json} alike): picocli's inherited scope puts one copy on each
 * subcommand, all bound to these fields.
 */
final class GlobalOptions {

    static final String DEFAULT_MASTER = "http://127.0.0.1:8080";
    static final Duration ONE_MASTER_FAILOVER = Duration.ofSeconds(5);
    static final Duration SEVERAL_MASTERS_FAILOVER = Duration.ofSeconds(20);

    enum Format { table, json }

    @Option(names = "--master", scope = ScopeType.INHERIT, paramLabel = "URL[,URL]",
            description = "The master, or several masters comma-separated (the leader is followed). "
                    + "Default: DROVER_MASTER, else " + DEFAULT_MASTER + ".")
    String master;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A file holding the token. Default: DROVER_TOKEN, else ~/.config/drover/token.")
    Path tokenFile;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "table (default) or json.")
    Format output = Format.table;

    private Map<String, String> env = Map.of();

    void environment(Map<String, String> env) {
        this.env = env;
    }

    Map<String, String> env() {
        return env;
    }

    boolean json() {
        return output == Format.json;
    }

    /** The masters to talk to: {@code --master}, else {@code DROVER_MASTER}, else the local default. */
    String masters() {
        if (master != null && !master.isBlank()) {
            return master;
        }
        String fromEnv = env.get("DROVER_MASTER");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : DEFAULT_MASTER;
    }

    /**
     * The token: {@code --token-file}, else {@code DROVER_TOKEN}, else {@code ~/.config/drover/token} when it
     * exists; none otherwise (the master then answers 401 unless its authentication is off).
     */
    String token() {
        if (tokenFile != null) {
            return read(tokenFile, "--token-file");
        }
        String fromEnv = env.get("DROVER_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        Path standard = Path.of(System.getProperty("user.home"), ".config", "drover", "token");
        return Files.isRegularFile(standard) ? read(standard, standard.toString()) : null;
    }

    DroverClient client() {
        DroverClient.Builder builder;
        try {
            builder = DroverClient.builder(masters());
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("bad master URL: " + e.getMessage());
        }
        // Long enough to ride out a failover between several masters (seconds), short enough that a
        // lone master that is down is reported quickly.
        builder.failoverTimeout(builder.masterCount() > 1 ? SEVERAL_MASTERS_FAILOVER : ONE_MASTER_FAILOVER);
        String token = token();
        if (token != null) {
            builder.bearerToken(token);
        }
        return builder.build();
    }

    private static String read(Path file, String what) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new UsageProblem(what + " " + file + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new UsageProblem("cannot read the token from " + file + ": " + e.getMessage());
        }
    }
}

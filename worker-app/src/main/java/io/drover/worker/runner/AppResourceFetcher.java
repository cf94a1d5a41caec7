package io.drover.worker.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Copies a driver's {@code appResource} into its directory before launch (DESIGN.md §1): {@code file:} URLs
 * by copying, {@code http:}/{@code https:} by downloading. The file keeps the URL's last path segment,
 * sanitized so that it cannot leave the directory or replace the driver's logs. Downloads obey the
 * worker's {@link LaunchPolicy}: the host of the URL, and of every redirect, must be allowed.
 */
class AppResourceFetcher {

    static final int MAX_REDIRECTS = 5;

    static final String FALLBACK_NAME = "app-resource";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Large jars take a while; a server that stalls longer than this is not going to finish. */
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    private static final Set<String> RESERVED_NAMES = Set.of("stdout", "stderr");

    /** Redirects are followed here, not by the client, so each hop's host is checked against the policy. */
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final LaunchPolicy policy;

    AppResourceFetcher(LaunchPolicy policy) {
        this.policy = policy;
    }

    AppResourceFetcher() {
        this(LaunchPolicy.allowAll());
    }

    /** @return the local copy, inside {@code dir} */
    Path fetch(String url, Path dir) throws IOException {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IOException("appResource is not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Path target = dir.resolve(localName(uri));
        switch (scheme) {
            case "file" -> copy(uri, target);
            case "http", "https" -> download(uri, target);
            default -> throw new IOException("appResource must be a file:, http: or https: URL, not " + url);
        }
        return target;
    }

    private static void copy(URI uri, Path target) throws IOException {
        Path source;
        try {
            source = Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new IOException("appResource is not a usable file: URL: " + uri);
        }
        try {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new IOException("appResource " + uri + " does not exist on this worker");
        }
    }

    private void download(URI uri, Path target) throws IOException {
        // Into a temporary name first, so a failed download never leaves a half file under the real name.
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            URI current = uri;
            HttpResponse<Path> response;
            for (int hop = 0; ; hop++) {
                policy.checkResourceHost(current);
                HttpRequest request = HttpRequest.newBuilder(current).timeout(DOWNLOAD_TIMEOUT).GET().build();
                response = http.send(request, HttpResponse.BodyHandlers.ofFile(partial));
                String location = response.headers().firstValue("Location").orElse(null);
                if (response.statusCode() / 100 != 3 || location == null) {
                    break;
                }
                if (hop == MAX_REDIRECTS) {
                    throw new IOException("downloading appResource " + uri + " was redirected more than "
                            + MAX_REDIRECTS + " times");
                }
                current = current.resolve(location);
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException("downloading appResource " + uri + " answered HTTP " + response.statusCode());
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (LaunchPolicy.LaunchRefused e) {
            throw new IOException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IOException("downloading appResource " + uri + " was redirected to an unusable URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("downloading appResource " + uri + " was interrupted");
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The URL's last path segment with anything but letters, digits, '.', '_' and '-' replaced. */
    static String localName(URI uri) {
        String path = uri.getPath();
        if (path == null) {
            return FALLBACK_NAME;
        }
        String segment = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (segment.isEmpty() || segment.chars().allMatch(c -> c == '.') || RESERVED_NAMES.contains(segment)) {
            return FALLBACK_NAME;
        }
        return segment;
    }
}

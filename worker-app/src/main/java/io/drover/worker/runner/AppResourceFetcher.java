package io.drover.worker.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a driver's {@code appResource} into its directory before launch (DESIGN.md §1): {@code file:} URLs
 * by copying, {@code http:}/{@code https:} by downloading. The file keeps the URL's last path segment,
 * sanitized so that it cannot leave the directory or replace the driver's logs. Both obey the worker's
 * {@link LaunchPolicy}: a file must lie in an allowed directory ({@link ResourceDirs}); the host of the URL,
 * and of every redirect, must be allowed and must not resolve to a link-local or metadata address, checked
 * before any connection is made.
 *
 * <p>Whatever else goes wrong (no such file, a connection refused, an HTTP error) reaches the user as one
 * message, {@link #NOT_FETCHED}, and the details go to the worker's log only: otherwise a driver could map
 * which files exist on a worker or which ports answer in its network.
 */
class AppResourceFetcher {

    static final String NOT_FETCHED = "appResource could not be fetched (the worker's log says why)";

    private static final Logger log = LoggerFactory.getLogger(AppResourceFetcher.class);

    static final int MAX_REDIRECTS = 5;

    static final String FALLBACK_NAME = "app-resource";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Large jars take a while; a server that stalls longer than this is not going to finish. */
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    private static final Set<String> RESERVED_NAMES = Set.of("stdout", "stderr");

    /** Redirects are followed here, not by the client, so each hop's host is checked against the policy. */
    private final HttpClient http;
    private final LaunchPolicy policy;
    private final AddressResolver resolver;

    AppResourceFetcher(LaunchPolicy policy) {
        this(policy, java.net.ProxySelector.getDefault(), InetAddress::getAllByName);
    }

    /**
     * @param proxy where connections go; tests route them to a loopback trap so that a broken check could
     *     never send anything off the machine
     */
    AppResourceFetcher(LaunchPolicy policy, java.net.ProxySelector proxy, AddressResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(proxy)
                .build();
    }

    /** Name resolution, a seam so tests can make a name resolve to a metadata address without DNS. */
    interface AddressResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    AppResourceFetcher() {
        this(LaunchPolicy.allowAll());
    }

    /**
     * @return the local copy, inside {@code dir}
     * @throws IOException with a message for the user: a policy refusal names its setting, anything else is
     *     {@link #NOT_FETCHED}
     */
    Path fetch(String url, Path dir) throws IOException {
        try {
            return fetchOrFail(url, dir);
        } catch (LaunchPolicy.LaunchRefused e) {
            throw new IOException(e.getMessage());
        } catch (IOException e) {
            log.warn("appResource {} could not be fetched into {}: {}", url, dir, RunMessages.describe(e));
            throw new IOException(NOT_FETCHED);
        }
    }

    private Path fetchOrFail(String url, Path dir) throws IOException {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw new LaunchPolicy.LaunchRefused("appResource is not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Path target = dir.resolve(localName(uri));
        switch (scheme) {
            case "file" -> copy(uri, target);
            case "http", "https" -> download(uri, target);
            default -> throw new LaunchPolicy.LaunchRefused("appResource must be a file:, http: or https: URL, not " + url);
        }
        return target;
    }

    private void copy(URI uri, Path target) throws IOException {
        Path source;
        try {
            source = Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new LaunchPolicy.LaunchRefused("appResource is not a usable file: URL: " + uri);
        }
        Path real = policy.resourceDirs().check(source);
        // The real path, not followed again: a link swapped in since the check is not taken.
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
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
                checkAddresses(current);
                HttpRequest request = HttpRequest.newBuilder(current).timeout(DOWNLOAD_TIMEOUT).GET().build();
                // Truncated at each hop: ofFile alone writes over what a redirect's body left and keeps its tail.
                response = http.send(request, HttpResponse.BodyHandlers.ofFile(partial, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
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
        } catch (IllegalArgumentException e) {
            throw new IOException("downloading appResource " + uri + " was redirected to an unusable URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("downloading appResource " + uri + " was interrupted");
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Before any connection: the name must not resolve to a link-local or metadata address. */
    private void checkAddresses(URI uri) throws IOException {
        String host = uri.getHost();
        if (host == null) {
            throw new LaunchPolicy.LaunchRefused("appResource " + uri + " names no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        LaunchPolicy.checkResourceAddresses(uri, resolver.resolve(bare));
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

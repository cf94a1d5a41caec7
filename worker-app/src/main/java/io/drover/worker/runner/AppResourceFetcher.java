package io.drover.worker.runner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a driver's or executor's {@code appResource} into its directory before launch (DESIGN.md §1): {@code file:}
 * URLs by copying, {@code http:}/{@code https:} by downloading, each once per worker and then linked from the
 * {@link AppResourceCache} (issue 13). The file keeps the URL's last path segment, sanitized so that it cannot
 * leave the directory or replace the driver's logs. Both obey the worker's
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
    private final AppResourceCache cache;
    private final AddressResolver resolver;

    AppResourceFetcher(LaunchPolicy policy, AppResourceCache cache) {
        this(policy, cache, java.net.ProxySelector.getDefault(), InetAddress::getAllByName);
    }

    /**
     * @param proxy where connections go; tests route them to a loopback trap so that a broken check could
     *     never send anything off the machine
     */
    AppResourceFetcher(LaunchPolicy policy, AppResourceCache cache, java.net.ProxySelector proxy,
            AddressResolver resolver) {
        this.policy = policy;
        this.cache = cache;
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
        cache.linkFile(policy.resourceDirs().check(source), target);
    }

    /**
     * Through the cache when the server sends validators: the first fetch downloads and keeps the file, later
     * ones ask whether it changed. A fetch that waited for another of the same URL takes that one's answer; if
     * that answer could not be kept, it downloads on its own, unlocked, as the waiters beside it do.
     */
    private void download(URI uri, Path target) throws IOException {
        long asked = System.nanoTime();
        String key = AppResourceCache.urlKey(uri);
        boolean onItsOwn = cache.locked(key, slot -> {
            Optional<AppResourceCache.Answer> shared = slot.answerSince(asked);
            if (shared.isEmpty()) {
                downloadCached(uri, key, slot, target);
                return false;
            }
            if (shared.get() == AppResourceCache.Answer.FAILED) {
                throw new IOException("a fetch of the same URL failed while this one waited");
            }
            if (shared.get() == AppResourceCache.Answer.REUSABLE) {
                cache.link(key, target);
            }
            return shared.get() == AppResourceCache.Answer.NOT_REUSABLE;
        });
        if (onItsOwn) {
            downloadUncached(uri, target);
        }
    }

    /** Asks the server, conditionally if the entry has validators, and tells the slot what it said. */
    private void downloadCached(URI uri, String key, AppResourceCache.Slot slot, Path target) throws IOException {
        Optional<Validators> known = cache.validators(key);
        Path partial = cache.newTemp();
        try {
            HttpResponse<Path> response = ask(uri, partial, known, slot);
            if (response.statusCode() == 304) {
                slot.answered(AppResourceCache.Answer.REUSABLE);
                cache.link(key, target);
                return;
            }
            Optional<Validators> fresh = response.statusCode() == 200
                    ? Validators.of(response.uri(), response.headers()) : Optional.empty();
            if (fresh.isPresent()) {
                cache.keep(key, partial, fresh.get());
                slot.answered(AppResourceCache.Answer.REUSABLE);
                cache.link(key, target);
            } else {
                cache.forget(key);
                slot.answered(AppResourceCache.Answer.NOT_REUSABLE);
                cache.place(partial, target);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * @return a success, or a {@code 304} from the URL that gave {@code known}
     * @throws IOException for anything else, and then the slot tells the waiters it failed (a policy refusal
     *     excepted: each waiter checks the policy itself, and reads why it was refused)
     */
    private HttpResponse<Path> ask(URI uri, Path partial, Optional<Validators> known, AppResourceCache.Slot slot)
            throws IOException {
        try {
            HttpResponse<Path> response = get(uri, partial, known.orElse(null));
            if (response.statusCode() != 304 || !known.map(Validators::from).equals(Optional.of(response.uri()))) {
                requireSuccess(uri, response);
            }
            return response;
        } catch (LaunchPolicy.LaunchRefused e) {
            throw e;
        } catch (IOException e) {
            slot.answered(AppResourceCache.Answer.FAILED);
            throw e;
        }
    }

    private void downloadUncached(URI uri, Path target) throws IOException {
        // Into a temporary name first, so a failed download never leaves a half file under the real name.
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            requireSuccess(uri, get(uri, partial, null));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * GET, following redirects by hand so every hop is checked before it is connected to; conditional at the
     * hop that gave {@code known}.
     *
     * @return the last response, its body in {@code into}
     */
    private HttpResponse<Path> get(URI uri, Path into, Validators known) throws IOException {
        try {
            URI current = uri;
            for (int hop = 0; ; hop++) {
                policy.checkResourceHost(current);
                checkAddresses(current);
                HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(DOWNLOAD_TIMEOUT).GET();
                if (known != null) {
                    known.ask(current, request);
                }
                // Truncated at each hop: ofFile alone writes over what a redirect's body left and keeps its tail.
                HttpResponse<Path> response = http.send(request.build(), HttpResponse.BodyHandlers.ofFile(into,
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
                String location = response.headers().firstValue("Location").orElse(null);
                if (response.statusCode() / 100 != 3 || location == null) {
                    return response;
                }
                if (hop == MAX_REDIRECTS) {
                    throw new IOException("downloading appResource " + uri + " was redirected more than "
                            + MAX_REDIRECTS + " times");
                }
                current = current.resolve(location);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("downloading appResource " + uri + " was redirected to an unusable URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("downloading appResource " + uri + " was interrupted");
        }
    }

    private static void requireSuccess(URI uri, HttpResponse<?> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException("downloading appResource " + uri + " answered HTTP " + response.statusCode());
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

package io.drover.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The masters a client may talk to (issue 9: several masters, one leader) and the one it talks to now. A
 * client starts with the first; a refused connection moves it to the next in the list, and a standby's
 * {@code 503} naming the {@code leader} moves it there, even to a master not in the list (a leader
 * elected later may have been added to the cluster after the client was configured). Thread-safe: the
 * current master is one atomic reference.
 */
final class MasterUrls {

    private final List<URI> configured;
    private final AtomicReference<URI> current;

    MasterUrls(List<URI> urls) {
        Objects.requireNonNull(urls, "masterUrls");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one master URL is needed");
        }
        this.configured = urls.stream().map(MasterUrls::checked).toList();
        this.current = new AtomicReference<>(configured.get(0));
    }

    /** Parses {@code http://a:8080,http://b:8080} (spaces around commas are ignored, empty entries skipped). */
    static List<URI> parse(String commaSeparated) {
        Objects.requireNonNull(commaSeparated, "masterUrls");
        List<URI> urls = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String url = part.strip();
            if (!url.isEmpty()) {
                try {
                    urls.add(URI.create(url));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("not a master URL: '" + url + "'", e);
                }
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no master URL in '" + commaSeparated + "'");
        }
        return urls;
    }

    /** The master calls go to now. */
    URI current() {
        return current.get();
    }

    /** The masters as configured, in order. */
    List<URI> configured() {
        return configured;
    }

    /** After {@code failed} did not take a call: the next configured master (the first after the last). */
    URI next(URI failed) {
        int index = configured.indexOf(failed);
        URI next = configured.get((index + 1) % configured.size());
        current.compareAndSet(failed, next);
        return next;
    }

    /** A standby named the leader: calls go there from now on. */
    URI leader(URI failed, URI leader) {
        URI checked = checked(leader);
        current.compareAndSet(failed, checked);
        return checked;
    }

    /** {@code master} answered: later calls start there. */
    void answered(URI master) {
        current.set(master);
    }

    /** {@code base + path} on {@code master}, without doubling the slash between them. */
    static URI resolve(URI master, String path) {
        String base = master.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    private static URI checked(URI url) {
        Objects.requireNonNull(url, "masterUrl");
        String scheme = url.getScheme();
        if (!url.isAbsolute() || url.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("masterUrl must be an http: or https: URL with a host: " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("masterUrl must not have a query or fragment: " + url);
        }
        return url;
    }
}

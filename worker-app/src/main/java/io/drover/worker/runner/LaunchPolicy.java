package io.drover.worker.runner;

import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;

/**
 * What this worker agrees to run and fetch (DESIGN.md §7): an optional allow-list of executables (glob
 * patterns such as {@code /usr/bin/*} or {@code /opt/jobs/**}) and an optional allow-list of hosts an
 * {@code appResource} may be downloaded from ({@code repo.example.org}, or {@code *.example.org} for
 * its subdomains), so a worker cannot be made to run arbitrary programs or be turned into a proxy into
 * the network it sits in. An empty list allows everything. JVM commands run the worker's own
 * {@code java} and are not subject to the executable list.
 */
final class LaunchPolicy {

    private final List<String> executablePatterns;
    private final List<PathMatcher> executables;
    private final List<String> resourceHosts;

    LaunchPolicy(List<String> allowedExecutables, List<String> allowedResourceHosts) {
        this.executablePatterns = List.copyOf(allowedExecutables);
        this.executables = allowedExecutables.stream()
                .map(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern))
                .toList();
        this.resourceHosts = allowedResourceHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    static LaunchPolicy allowAll() {
        return new LaunchPolicy(List.of(), List.of());
    }

    /** @throws LaunchRefused when the list is set and no pattern matches */
    void checkExecutable(String executable) {
        if (executables.isEmpty()) {
            return;
        }
        Path path;
        try {
            path = Path.of(executable);
        } catch (RuntimeException e) {
            throw new LaunchRefused("executable " + executable + " is not a valid path");
        }
        if (executables.stream().noneMatch(matcher -> matcher.matches(path))) {
            throw new LaunchRefused("executable " + executable + " is not allowed on this worker "
                    + "(drover.worker.allowed-executables: " + String.join(", ", executablePatterns) + ")");
        }
    }

    /** Checked for the first URL and for every redirect it leads to. */
    void checkResourceHost(URI uri) {
        if (resourceHosts.isEmpty()) {
            return;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = resourceHosts.stream().anyMatch(allowedHost -> allowedHost.startsWith("*.")
                ? host.endsWith(allowedHost.substring(1)) : host.equals(allowedHost));
        if (!allowed) {
            throw new LaunchRefused("appResource host " + (host.isEmpty() ? "(none)" : host)
                    + " is not allowed on this worker (drover.worker.allowed-resource-hosts: "
                    + String.join(", ", resourceHosts) + ")");
        }
    }

    /** A launch this worker refuses by policy; the message says which setting refused it. */
    static final class LaunchRefused extends RuntimeException {
        LaunchRefused(String message) {
            super(message, null, false, false);
        }
    }
}

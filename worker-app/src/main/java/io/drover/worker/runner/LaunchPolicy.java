package io.drover.worker.runner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What this worker agrees to run and fetch (DESIGN.md §7, issue 10): an optional allow-list of executables
 * (glob patterns such as {@code /usr/bin/*} or {@code /opt/jobs/**}), matched against the executable's real
 * path; an optional allow-list of hosts an {@code appResource} may be downloaded from ({@code repo.example.org},
 * or {@code *.example.org}); the directories {@code file:} resources may come from. With the executable list
 * on, a JVM command may not use options that run commands or load agents, and no command may set variables
 * that make a loader or an interpreter run code of its choosing. An empty list allows everything.
 */
final class LaunchPolicy {

    /** JVM options that run a command, load native or Java agents, or read more options from a file. */
    private static final List<String> COMMAND_RUNNING_OPTIONS = List.of("-xx:onoutofmemoryerror", "-xx:onerror",
            "-agentlib", "-agentpath", "-javaagent", "-xrun", "-xx:flags", "-xx:vmoptionsfile",
            "-xx:+readvmoptionsfile", "-xx:+usevmoptionsfile", "@");

    /** Cloud metadata services outside the link-local range: Alibaba's, and AWS's over IPv6. */
    private static final java.util.Set<InetAddress> METADATA_ADDRESSES = java.util.Set.of(
            literal("100.100.100.200"), literal("fd00:ec2::254"));

    private final List<String> executablePatterns;
    private final List<PathMatcher> executables;
    private final List<String> resourceHosts;
    private final ResourceDirs resourceDirs;

    LaunchPolicy(List<String> allowedExecutables, List<String> allowedResourceHosts, ResourceDirs resourceDirs) {
        this.executablePatterns = List.copyOf(allowedExecutables);
        this.executables = allowedExecutables.stream()
                .map(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern))
                .toList();
        this.resourceHosts = allowedResourceHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.resourceDirs = resourceDirs;
    }

    LaunchPolicy(List<String> allowedExecutables, List<String> allowedResourceHosts) {
        this(allowedExecutables, allowedResourceHosts, ResourceDirs.NONE);
    }

    static LaunchPolicy allowAll() {
        return new LaunchPolicy(List.of(), List.of());
    }

    /** Whether commands are restricted: then JVM options and environments are checked too. */
    boolean restrictsCommands() {
        return !executables.isEmpty();
    }

    ResourceDirs resourceDirs() {
        return resourceDirs;
    }

    /**
     * @return the executable to run: its real path when the list is set (so what was checked is what runs,
     *     whatever {@code ..} or links the command named), else the command as written
     * @throws LaunchRefused when the list is set and the real path matches no pattern
     */
    String checkExecutable(String executable) {
        if (executables.isEmpty()) {
            return executable;
        }
        Path real;
        try {
            real = Path.of(executable).toRealPath();
        } catch (IOException | RuntimeException e) {
            throw notAllowed(executable); // missing or unreadable: the same answer, no hint which
        }
        if (executables.stream().noneMatch(matcher -> matcher.matches(real))) {
            throw notAllowed(executable);
        }
        return real.toString();
    }

    private LaunchRefused notAllowed(String executable) {
        return new LaunchRefused("executable " + executable + " is not allowed on this worker "
                + "(drover.worker.allowed-executables: " + String.join(", ", executablePatterns) + ")");
    }

    /** With the executable list on: no option of {@link #COMMAND_RUNNING_OPTIONS}. */
    void checkJavaOptions(List<String> options) {
        if (!restrictsCommands()) {
            return;
        }
        for (String option : options) {
            String lower = option.toLowerCase(Locale.ROOT);
            if (COMMAND_RUNNING_OPTIONS.stream().anyMatch(lower::startsWith)) {
                throw new LaunchRefused("JVM option " + option + " is not allowed on this worker: it runs commands,"
                        + " loads agents or reads options from a file (drover.worker.allowed-executables is set)");
            }
        }
    }

    /** With the executable list on: no variable that {@link ChildEnvironment} calls code-loading. */
    void checkEnvironment(Map<String, String> environment) {
        if (!restrictsCommands()) {
            return;
        }
        environment.keySet().stream().filter(ChildEnvironment::loadsCode).findFirst().ifPresent(name -> {
            throw new LaunchRefused("environment variable " + name + " is not allowed on this worker: it makes a "
                    + "loader or an interpreter run code (drover.worker.allowed-executables is set)");
        });
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

    /**
     * Link-local addresses (169.254.0.0/16, fe80::/10), where clouds serve instance metadata and credentials,
     * and the metadata addresses outside that range, are never fetched from, whatever the host list says.
     */
    static void checkResourceAddresses(URI uri, InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (address.isLinkLocalAddress() || isMetadata(address)) {
                throw new LaunchRefused("appResource host " + uri.getHost() + " is a link-local or cloud metadata"
                        + " address; a worker never fetches from those");
            }
        }
    }

    private static boolean isMetadata(InetAddress address) {
        return METADATA_ADDRESSES.contains(address);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A launch this worker refuses by policy; the message says which setting refused it. */
    static final class LaunchRefused extends RuntimeException {
        LaunchRefused(String message) {
            super(message, null, false, false);
        }
    }
}

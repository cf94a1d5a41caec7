package io.drover.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a request's {@code Host} may carry when it changes something with authentication off
 * ({@link SameOriginGuard}): loopback names, this machine's name, the bound address, the host of the URL the
 * server advertises, and {@code drover.server.allowed-hosts}. A page on another site that rebinds its own
 * DNS name to this server still sends its own name, and is refused.
 */
public final class KnownHosts {

    private final Set<String> names = new TreeSet<>();

    /** @param names further host names or addresses (the advertised URL's host, configured aliases) */
    public KnownHosts(Collection<String> names) {
        for (String name : Set.of("localhost", "127.0.0.1", "::1")) {
            this.names.add(name);
        }
        try {
            InetAddress local = InetAddress.getLocalHost();
            this.names.add(normalize(local.getHostName()));
            this.names.add(normalize(local.getCanonicalHostName()));
        } catch (UnknownHostException e) {
            // no name of its own to add
        }
        names.stream().filter(n -> n != null && !n.isBlank()).map(KnownHosts::normalize).forEach(this.names::add);
    }

    /** These and {@code more}. */
    KnownHosts with(Collection<String> more) {
        KnownHosts all = new KnownHosts(names);
        more.stream().filter(n -> n != null && !n.isBlank()).map(KnownHosts::normalize).forEach(all.names::add);
        return all;
    }

    /** Whether {@code host} (a Host header's name, without its port) is one of these, or the local address. */
    boolean knows(String host, String localAddress) {
        String name = normalize(host);
        return names.contains(name) || name.endsWith(".localhost") || name.equals(normalize(localAddress));
    }

    static String normalize(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public String toString() {
        return names.toString();
    }
}

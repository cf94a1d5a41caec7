package io.drover.worker.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The host name this worker puts in its id and its derived public URL: the address it binds to, unless
 * that is a wildcard ({@code 0.0.0.0}, {@code ::}), which nobody can connect to; then the machine's name,
 * as Spark's {@code Utils.localHostName} does.
 */
public record AdvertisedHost(String host, String scheme) {

    static AdvertisedHost fromBindAddress(String bindAddress) {
        return fromBindAddress(bindAddress, "http");
    }

    /** @param scheme {@code https} when the worker serves HTTPS */
    static AdvertisedHost fromBindAddress(String bindAddress, String scheme) {
        String address = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress.trim();
        try {
            InetAddress inet = InetAddress.getByName(address);
            if (inet.isAnyLocalAddress()) {
                return new AdvertisedHost(InetAddress.getLocalHost().getHostName(), scheme);
            }
        } catch (UnknownHostException e) {
            // Not resolvable here; advertise it as written and let the master say whether it can reach it.
        }
        return new AdvertisedHost(address, scheme);
    }

    /** {@code scheme://host:port}, with brackets around an IPv6 literal. */
    public String urlFor(int port) {
        String literal = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + literal + ":" + port;
    }
}

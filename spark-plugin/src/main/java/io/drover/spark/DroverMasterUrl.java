package io.drover.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Drover master URL as a Spark application names it: {@code drover://host:port[,host:port...]}, Spark's
 * {@code spark://host1:port1,host2:port2} form for several masters. Each becomes the {@code http://} URL of one
 * master's API.
 */
final class DroverMasterUrl {

    static final String SCHEME = "drover://";

    /** A host name, an IPv4 address or a bracketed IPv6 address, then a port. */
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+):([0-9]{1,5})");

    private DroverMasterUrl() {
    }

    static boolean matches(String masterUrl) {
        return masterUrl != null && masterUrl.startsWith(SCHEME);
    }

    /** @throws IllegalArgumentException naming the part that is not {@code host:port} */
    static List<String> httpUrls(String masterUrl) {
        if (!matches(masterUrl)) {
            throw new IllegalArgumentException("not a Drover master URL (drover://host:port[,host:port]): " + masterUrl);
        }
        String rest = masterUrl.substring(SCHEME.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        List<String> urls = new ArrayList<>();
        for (String part : rest.split(",", -1)) {
            Matcher m = HOST_PORT.matcher(part.trim());
            int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("'" + part + "' in " + masterUrl + " is not host:port");
            }
            urls.add("http://" + m.group(1) + ":" + port);
        }
        return List.copyOf(urls);
    }
}

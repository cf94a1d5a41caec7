package io.drover.server.security;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may call what, for both apps: the one place the rules are written. The security filter chain asks
 * {@link #required} for every request, and the route-coverage test checks every mapped route against it.
 *
 * <ul>
 *   <li>{@link #OPEN_ROUTES}: anyone (probes, the login page, static assets, the error page);</li>
 *   <li>{@code /internal/**}: the cluster secret only (the master↔worker protocol);</li>
 *   <li>{@link #ADMIN_ROUTES}: {@code admin} (decommissioning a worker: it moves everyone's work);</li>
 *   <li>reads (GET, HEAD): {@code view};</li>
 *   <li>everything else: {@code submit}; a controller then allows changing only what the caller submitted,
 *       unless the caller is {@code admin}.</li>
 * </ul>
 */
public final class AccessPolicy {

    /** The routes open to anyone. Nothing else is. */
    public static final List<String> OPEN_ROUTES = List.of(
            "/actuator/health", "/actuator/health/**",
            "/login",
            "/drover/**", "/webjars/**", "/favicon.ico",
            "/error");

    public static final String INTERNAL_ROUTES = "/internal/**";

    /**
     * Writes only an admin may make, whoever submitted the work they touch: the API's decommission and the
     * dashboard's form for it. {@code *} stands for one path segment.
     */
    public static final List<String> ADMIN_ROUTES = List.of("/api/v1/workers/*/decommission",
            "/workers/*/decommission");

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    /** What a route needs, and the authority that grants it. */
    public enum Access {
        OPEN(null), VIEW(Role.VIEW.authority()), SUBMIT(Role.SUBMIT.authority()), ADMIN(Role.ADMIN.authority()),
        CLUSTER(Role.CLUSTER_AUTHORITY);

        private final String authority;

        Access(String authority) {
            this.authority = authority;
        }

        public String authority() {
            return authority;
        }
    }

    private AccessPolicy() {
    }

    /** The access a request needs, by the same rules as the filter chain (a path without its context path). */
    public static Access required(HttpMethod method, String path) {
        if (isOpen(path)) {
            return Access.OPEN;
        }
        if (path.equals("/internal") || path.startsWith("/internal/")) {
            return Access.CLUSTER;
        }
        if (READS.contains(method)) {
            return Access.VIEW;
        }
        return isAdminOnly(path) ? Access.ADMIN : Access.SUBMIT;
    }

    private static boolean isAdminOnly(String path) {
        String[] segments = path.split("/", -1);
        for (String route : ADMIN_ROUTES) {
            String[] pattern = route.split("/", -1);
            if (pattern.length != segments.length) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < pattern.length && matches; i++) {
                matches = pattern[i].equals("*") ? !segments[i].isEmpty() : pattern[i].equals(segments[i]);
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** Paths programs call (the API, the worker protocol, actuator), as opposed to the dashboard's pages. */
    static boolean isMachinePath(String path) {
        return path.startsWith("/api/") || path.startsWith("/internal/") || path.startsWith("/actuator/");
    }

    private static boolean isOpen(String path) {
        for (String route : OPEN_ROUTES) {
            boolean open = route.endsWith("/**")
                    ? path.startsWith(route.substring(0, route.length() - 2))
                            || path.equals(route.substring(0, route.length() - 3))
                    : path.equals(route);
            if (open) {
                return true;
            }
        }
        return false;
    }
}

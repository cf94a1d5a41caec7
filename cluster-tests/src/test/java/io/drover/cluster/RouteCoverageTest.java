package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.server.security.AccessPolicy;
import io.drover.server.security.AccessPolicy.Access;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every route the master and a worker map, read from Spring's handler mappings so that a new endpoint cannot
 * be forgotten, is checked against {@link AccessPolicy}, the one place the rules and the open routes are
 * written: without a credential it answers 401, and with a token one role too low it answers 403, unless
 * the policy says the route is open.
 */
class RouteCoverageTest {

    private static final String VIEW_TOKEN = "route-coverage-view-token";
    private static final String SUBMIT_TOKEN = "route-coverage-submit-token";
    private static final String ADMIN_TOKEN = "route-coverage-admin-token";
    private static final String[] TOKENS = {
        "--drover.auth.tokens[0].name=viewer", "--drover.auth.tokens[0].token=" + VIEW_TOKEN,
        "--drover.auth.tokens[0].role=view",
        "--drover.auth.tokens[1].name=submitter", "--drover.auth.tokens[1].token=" + SUBMIT_TOKEN,
        "--drover.auth.tokens[1].role=submit",
        "--drover.auth.tokens[2].name=administrator", "--drover.auth.tokens[2].token=" + ADMIN_TOKEN,
        "--drover.auth.tokens[2].role=admin"};
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path work;
    private static TestCluster cluster;

    record Route(HttpMethod method, String pattern, String path) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(work, TOKENS);
        cluster.addWorker(1, 256, TOKENS);
    }

    @AfterAll
    static void stop() {
        cluster.close();
        NoProcessesLeft.assertNoneLeft();
    }

    @Test
    void everyMasterRouteNeedsTheCredentialThePolicyNames() throws Exception {
        List<Route> routes = routes(cluster.masterContext());

        assertThat(routes).extracting(Route::toString).contains("POST /api/v1/drivers",
                "POST /internal/v1/workers", "GET /actuator/prometheus", "GET /", "GET /api/v1/openapi");
        checkAll(cluster.masterUrl, cluster.internalUrl(cluster.masterUrl), routes);
    }

    @Test
    void everyWorkerRouteNeedsTheCredentialThePolicyNames() throws Exception {
        List<Route> routes = routes(cluster.workerContext(1));

        assertThat(routes).extracting(Route::toString).contains("GET /api/v1/worker",
                "POST /internal/v1/drivers", "GET /actuator/prometheus", "GET /");
        checkAll(cluster.workerUrl(1), cluster.internalUrl(cluster.workerUrl(1)), routes);
    }

    /**
     * Each route on the connector that serves it obeys the policy; on the other connector it does not exist
     * (404), whatever the credential. Worker registration is the one internal route the public port serves too.
     */
    private static void checkAll(String publicBase, String internalBase, List<Route> routes) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            boolean internal = route.path().startsWith("/internal/");
            boolean bothPorts = route.method() == HttpMethod.POST && route.path().equals("/internal/v1/workers");
            String base = internal ? internalBase : publicBase;
            String otherBase = internal ? publicBase : internalBase;
            if (bothPorts) {
                checkPolicy(wrong, route, publicBase);
            } else {
                int elsewhere = send(otherBase, route, ADMIN_TOKEN);
                expect(wrong, route, "on the other connector", elsewhere == 404, elsewhere);
            }
            checkPolicy(wrong, route, base);
        }
        assertThat(wrong).as("routes that do not obey AccessPolicy").isEmpty();
    }

    private static void checkPolicy(List<String> wrong, Route route, String base) throws Exception {
        Access needed = AccessPolicy.required(route.method(), route.path());
        int anonymous = send(base, route, null);
        if (needed == Access.OPEN) {
            // Open means no credential is asked for; a form post still needs its CSRF token (403).
            boolean open = anonymous != 401 && (route.method() != HttpMethod.GET || anonymous != 403);
            expect(wrong, route, "without a credential", open, anonymous);
            return;
        }
        expect(wrong, route, "without a credential", anonymous == 401, anonymous);
        String tooLow = switch (needed) {
            case SUBMIT -> VIEW_TOKEN;
            case ADMIN -> SUBMIT_TOKEN;
            case CLUSTER -> ADMIN_TOKEN;
            default -> null;
        };
        if (tooLow != null) {
            int refused = send(base, route, tooLow);
            expect(wrong, route, "with a role too low", refused == 403, refused);
        }
    }

    private static void expect(List<String> wrong, Route route, String how, boolean ok, int status) {
        if (!ok) {
            wrong.add(route + " (" + route.path() + ") " + how + " answered " + status);
        }
    }

    private static int send(String base, Route route, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + route.path()))
                .header("Accept", "application/json")
                .method(route.method().name(), route.method() == HttpMethod.GET || route.method() == HttpMethod.HEAD
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (route.method() != HttpMethod.GET && route.method() != HttpMethod.HEAD) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Every (method, pattern) the app's handler mappings know, with path variables filled in. */
    static List<Route> routes(ConfigurableApplicationContext context) {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<HttpMethod> asked = methods.isEmpty() ? List.of(HttpMethod.GET, HttpMethod.POST)
                        : methods.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    for (HttpMethod method : asked) {
                        if (seen.add(method + " " + pattern.getPatternString())) {
                            routes.add(new Route(method, pattern.getPatternString(), fill(pattern.getPatternString())));
                        }
                    }
                }
            }
        }
        return routes;
    }

    private static String fill(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "x").replaceAll("\\{[^}]+}", "x").replace("/**", "/x")
                .replace("*", "x");
    }
}

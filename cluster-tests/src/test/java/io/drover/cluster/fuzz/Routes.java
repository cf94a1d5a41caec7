package io.drover.cluster.fuzz;

import io.drover.cluster.fuzz.FuzzRequest.Target;
import io.drover.protocol.Paths;
import io.drover.protocol.api.DecommissionRequest;
import io.drover.protocol.api.ExecutorLimitRequest;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.internal.ApplicationFinished;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.KillDriver;
import io.drover.protocol.internal.KillExecutor;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.internal.LaunchExecutor;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.StateReports;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Every public and internal call of the master and the worker (DESIGN.md §5), and how to aim malformed
 * requests at each: ids real, well formed but unknown, random or raw path tricks; query parameters,
 * content types, accept headers and extra headers of every kind; bodies from {@link Bodies}.
 */
final class Routes {

    /**
     * One call.
     *
     * @param bodyType the record the call reads, or null when it reads no body
     * @param params the query parameters it knows
     * @param liveIds whether its ids may name the live things; the event stream never does, so no real stream opens
     */
    record Route(Target target, String method, String template, Class<? extends Record> bodyType, List<String> params,
            boolean liveIds) {

        @Override
        public String toString() {
            return method + " " + target + " " + template;
        }
    }

    static final List<Route> MASTER_DRIVERS = List.of(
            master("POST", Paths.DRIVERS, SubmitDriverRequest.class),
            master("GET", Paths.DRIVERS, null, "state"),
            master("GET", Paths.DRIVER, null),
            master("POST", Paths.DRIVER_KILL, null),
            master("GET", Paths.DRIVER_LOG, null, "offset", "length"));

    static final List<Route> MASTER_APPLICATIONS = List.of(
            master("POST", Paths.APPLICATIONS, RegisterApplicationRequest.class),
            master("GET", Paths.APPLICATIONS, null),
            master("GET", Paths.APPLICATION, null),
            new Route(Target.MASTER, "GET", Paths.APPLICATION_EVENTS, null, List.of(), false),
            master("POST", Paths.APPLICATION_FINISH, null),
            master("POST", Paths.APPLICATION_KILL, null),
            master("PUT", Paths.APPLICATION_EXECUTOR_LIMIT, ExecutorLimitRequest.class),
            master("POST", Paths.APPLICATION_EXECUTOR_KILL, null));

    static final List<Route> MASTER_READS = List.of(
            master("GET", Paths.WORKERS, null),
            master("GET", Paths.WORKER, null),
            master("GET", Paths.QUEUES, null),
            master("GET", Paths.CLUSTER, null));

    /** Decommissioning never names the live worker: the fuzz's one worker must keep taking work. */
    static final List<Route> MASTER_WORKERS = List.of(
            new Route(Target.MASTER, "POST", Paths.WORKER_DECOMMISSION, DecommissionRequest.class, List.of(), false));

    static final List<Route> MASTER_INTERNAL = List.of(
            master("POST", Paths.INTERNAL_WORKERS, RegisterWorker.class),
            master("POST", Paths.INTERNAL_HEARTBEAT, Heartbeat.class),
            master("POST", Paths.INTERNAL_STATES, StateReports.class));

    static final List<Route> WORKER = List.of(
            worker("GET", Paths.WORKER_STATE, null),
            worker("GET", Paths.WORKER_DRIVER_LOG, null, "offset", "length"),
            worker("GET", Paths.WORKER_EXECUTOR_LOG, null, "offset", "length"),
            worker("POST", Paths.INTERNAL_LAUNCH_DRIVER, LaunchDriver.class),
            worker("POST", Paths.INTERNAL_KILL_DRIVER, KillDriver.class),
            worker("POST", Paths.INTERNAL_LAUNCH_EXECUTOR, LaunchExecutor.class),
            worker("POST", Paths.INTERNAL_KILL_EXECUTOR, KillExecutor.class),
            worker("POST", Paths.INTERNAL_APPLICATION_FINISHED, ApplicationFinished.class));

    static final List<Route> ALL = all();

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
            "PROPFIND", "FOO", "get");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "text/xml",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=boundary",
            "application/octet-stream", "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
            "application/json; charset=nonsense", "application/json;charset=", "application/*", "*/*",
            "application/problem+json", "application/vnd.drover+json", "application/json-patch+json", "text/event-stream",
            "garbage", "/", ";", "application/", "application/json; a=\"unterminated", "APPLICATION/JSON",
            "application/json, text/plain", "application/x-ndjson", "text/html; charset=utf-8", "");

    static final List<String> ACCEPTS = List.of("*/*", "application/json", "application/problem+json", "application/xml",
            "text/html", "text/plain", "text/event-stream", "image/png", "garbage", "application/json;q=0", "*/*;q=0",
            "text/*", "", "application/json, application/xml;q=0.9", "*/*;q=abc", "text/html;level=1;q=0.5, */*;q=0.1",
            "application/x-ndjson", "application/yaml", "application/cbor", "application/*;q=1, text/event-stream");

    /** Query text that is legal in a URI and sent as is. */
    static final List<String> RAW_QUERIES = List.of("&&", "=", "==", "offset", "offset=", "length=", "offset=1&offset=2",
            "length=-1", "length=99999999999", "length=10485761", "offset=-99999999999", "offset=9223372036854775807",
            "length=9223372036854775808", "state=RUNNING&state=KILLED", "state=", "state=running", "%00", "a=%00",
            "%25", ";", "a=b=c", "offset=1e3", "length=0x10", "offset=%2e%2e", "length=1&length=", "state=%00");

    private Routes() {
    }

    private static Route master(String method, String template, Class<? extends Record> bodyType, String... params) {
        return new Route(Target.MASTER, method, template, bodyType, List.of(params), true);
    }

    private static Route worker(String method, String template, Class<? extends Record> bodyType, String... params) {
        return new Route(Target.WORKER, method, template, bodyType, List.of(params), true);
    }

    private static List<Route> all() {
        List<Route> all = new ArrayList<>();
        all.addAll(MASTER_DRIVERS);
        all.addAll(MASTER_APPLICATIONS);
        all.addAll(MASTER_READS);
        all.addAll(MASTER_WORKERS);
        all.addAll(MASTER_INTERNAL);
        all.addAll(WORKER);
        return List.copyOf(all);
    }

    /** Calls of the routes, each with its own method. */
    static Arbitrary<FuzzRequest> calls(List<Route> routes) {
        return Arbitraries.of(routes).flatMap(route -> call(route, Arbitraries.just(route.method())));
    }

    /** Calls of the routes with any method, mostly not the one they answer to; ids never name the live things. */
    static Arbitrary<FuzzRequest> callsWithAnyMethod(List<Route> routes) {
        return Arbitraries.of(routes)
                .map(route -> new Route(route.target(), route.method(), route.template(), route.bodyType(),
                        route.params(), false))
                .flatMap(route -> call(route, Arbitraries.of(METHODS)));
    }

    private static Arbitrary<FuzzRequest> call(Route route, Arbitrary<String> methods) {
        List<Arbitrary<FuzzRequest.Segment>> segments = new ArrayList<>();
        for (String part : route.template().substring(1).split("/")) {
            segments.add(part.startsWith("{") ? slot(part.substring(1, part.length() - 1), route.liveIds())
                    : Arbitraries.just((FuzzRequest.Segment) new FuzzRequest.Literal(part)));
        }
        Arbitrary<FuzzRequest.Body> body = route.bodyType() == null ? Bodies.forNoBody() : Bodies.forRecord(route.bodyType());
        return Combinators.combine(
                        methods,
                        Combinators.combine(segments).as(list -> list),
                        query(route.params()),
                        body,
                        Arbitraries.of(ACCEPTS).injectNull(0.6),
                        headers())
                .flatAs((method, path, query, payload, accept, headers) -> contentType(payload)
                        .map(contentType -> new FuzzRequest(route.target(), method, route.toString(), path, query,
                                contentType, accept, headers, payload)));
    }

    /** Mostly JSON where there is a body, mostly none where there is not; any of the odd ones either way. */
    private static Arbitrary<String> contentType(FuzzRequest.Body body) {
        Arbitrary<String> odd = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(CONTENT_TYPES)),
                Tuple.of(1, Values.headerValue()));
        if (body instanceof FuzzRequest.NoBody) {
            return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just((String) null)),
                    Tuple.of(1, Arbitraries.just("application/json")), Tuple.of(1, odd));
        }
        return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.just("application/json;charset=UTF-8")), Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(3, odd));
    }

    private static Arbitrary<List<FuzzRequest.Header>> headers() {
        Arbitrary<FuzzRequest.Header> header = Combinators.combine(Values.headerName(), Values.headerValue())
                .as(FuzzRequest.Header::new);
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(List.<FuzzRequest.Header>of())),
                Tuple.of(1, header.list().ofMinSize(1).ofMaxSize(3)));
    }

    private static Arbitrary<List<FuzzRequest.Param>> query(List<String> known) {
        Arbitrary<String> values = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(Values.NUMBERISH)),
                Tuple.of(2, Arbitraries.of("RUNNING", "FINISHED", "SUBMITTED", "KILLED", "running", "ALIVE", "")),
                Tuple.of(1, Arbitraries.longs().between(-100, 2_000_000).map(n -> Long.toString(n))),
                Tuple.of(2, Values.text()));
        List<Tuple.Tuple2<Integer, Arbitrary<FuzzRequest.Param>>> kinds = new ArrayList<>();
        if (!known.isEmpty()) {
            kinds.add(Tuple.of(4, Combinators.combine(Arbitraries.of(known), values)
                    .as((name, value) -> new FuzzRequest.Param(name, value, false))));
        }
        kinds.add(Tuple.of(1, Combinators.combine(Values.text(), values.injectNull(0.2))
                .as((name, value) -> new FuzzRequest.Param(name, value, false))));
        kinds.add(Tuple.of(1, Arbitraries.of(RAW_QUERIES).map(raw -> new FuzzRequest.Param(raw, null, true))));
        @SuppressWarnings("unchecked")
        Arbitrary<FuzzRequest.Param> param = Arbitraries.frequencyOf(kinds.toArray(Tuple.Tuple2[]::new));
        return Arbitraries.frequencyOf(Tuple.of(known.isEmpty() ? 5 : 2, Arbitraries.just(List.<FuzzRequest.Param>of())),
                Tuple.of(2, param.list().ofMinSize(1).ofMaxSize(3)));
    }

    /** A path segment for the slot named {@code name}. */
    private static Arbitrary<FuzzRequest.Segment> slot(String name, boolean liveIds) {
        Arbitrary<FuzzRequest.Segment> plausible = switch (name) {
            case "driverId" -> live(liveIds, Tuple.of(1, LiveRef.RUNNING_DRIVER_ID), Tuple.of(3, LiveRef.FINISHED_DRIVER_ID),
                    Tuple.of(3, LiveRef.UNKNOWN_DRIVER_ID), Tuple.of(1, LiveRef.APP_ID));
            case "appId" -> live(liveIds, Tuple.of(1, LiveRef.APP_ID), Tuple.of(2, LiveRef.UNKNOWN_APP_ID),
                    Tuple.of(1, LiveRef.FINISHED_DRIVER_ID));
            case "workerId" -> live(liveIds, Tuple.of(3, LiveRef.WORKER_ID), Tuple.of(3, LiveRef.UNKNOWN_WORKER_ID),
                    Tuple.of(1, LiveRef.UNKNOWN_APP_ID));
            case "executorId" -> liveIds
                    ? Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just((FuzzRequest.Segment) new FuzzRequest.Live(LiveRef.EXECUTOR_ID))),
                            Tuple.of(3, encoded(Arbitraries.of(Values.NUMBERISH))))
                    : encoded(Arbitraries.of(Values.NUMBERISH));
            case "stream" -> encoded(Arbitraries.of("stdout", "stderr", "STDOUT", "stdin", "stdout.1", "..", "stdout%00"));
            default -> throw new IllegalArgumentException("no generator for the path slot " + name);
        };
        return Arbitraries.frequencyOf(
                Tuple.of(6, plausible),
                Tuple.of(3, encoded(Values.text())),
                Tuple.of(2, Arbitraries.of(Values.PATH_TRICKS).map(raw -> (FuzzRequest.Segment) new FuzzRequest.Raw(raw))));
    }

    private static Arbitrary<FuzzRequest.Segment> encoded(Arbitrary<String> texts) {
        return texts.map(text -> new FuzzRequest.Text(text));
    }

    @SafeVarargs
    private static Arbitrary<FuzzRequest.Segment> live(boolean liveIds, Tuple.Tuple2<Integer, LiveRef>... weighted) {
        List<Tuple.Tuple2<Integer, LiveRef>> allowed = new ArrayList<>();
        for (Tuple.Tuple2<Integer, LiveRef> choice : weighted) {
            if (liveIds || !choice.get2().isLiveThing()) {
                allowed.add(choice);
            }
        }
        @SuppressWarnings("unchecked")
        Arbitrary<LiveRef> refs = Arbitraries.frequency(allowed.toArray(Tuple.Tuple2[]::new));
        return refs.map(ref -> new FuzzRequest.Live(ref));
    }
}

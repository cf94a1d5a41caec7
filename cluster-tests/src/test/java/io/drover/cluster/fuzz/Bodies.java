package io.drover.cluster.fuzz;

import io.drover.protocol.api.ExecutorLimitRequest;
import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.internal.ApplicationFinished;
import io.drover.protocol.internal.DriverDescription;
import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorDescription;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.internal.Heartbeat;
import io.drover.protocol.internal.KillDriver;
import io.drover.protocol.internal.KillExecutor;
import io.drover.protocol.internal.LaunchDriver;
import io.drover.protocol.internal.LaunchExecutor;
import io.drover.protocol.internal.RegisterWorker;
import io.drover.protocol.internal.StateReports;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Request bodies. Most are JSON shaped after the protocol records of {@code shared-model}, read by
 * reflection so they follow the records as they change: each field present or not, plausible or of the
 * wrong type or null, so that some bodies validate and many fail on exactly one field. The rest are
 * random JSON over the same field names, truncated JSON, text, bytes, and hand-made malformed documents.
 */
final class Bodies {

    /** Every record a client or the other side sends in a body. */
    static final List<Class<? extends Record>> REQUEST_RECORDS = List.of(SubmitDriverRequest.class,
            RegisterApplicationRequest.class, ExecutorLimitRequest.class, CommandSpec.class, RegisterWorker.class,
            Heartbeat.class, StateReports.class, DriverStateChanged.class, ExecutorStateChanged.class, LaunchDriver.class,
            DriverDescription.class, LaunchExecutor.class, ExecutorDescription.class, KillDriver.class, KillExecutor.class,
            ApplicationFinished.class);

    static final List<String> FIELD_NAMES = fieldNames();

    /** Documents no JSON parser should accept, or should accept only to find nothing in them. */
    static final List<String> CRAFTED = List.of("", " ", "{", "}", "[", "{\"a\":", "{\"name\":\"x\",}", "{'name':'x'}",
            "{name:\"x\"}", "{\"name\":NaN}", "{\"cores\":Infinity}", "{\"cores\":-}", "{\"cores\":01}", "{\"cores\":1.}",
            "{\"name\":\"x\"} {\"name\":\"y\"}", "{\"name\":\"x\"}garbage", "/* c */{}", "// c\n{}", "\ufeff{}",
            "{\"name\":\"\\ud800\"}", "{\"name\":\"\\u00\"}", "{\"name\":\"\\x41\"}", "{\"name\":\"a\nb\"}",
            "null", "true", "0", "\"x\"", "[]", "{}", "[{}]", "{\"\":null}", "{\"a\":1,\"a\":2}",
            "[".repeat(5000), "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
            "{\"command\":{\"arguments\":[" + "\"a\",".repeat(20000) + "\"a\"]}}",
            "{\"environment\":{" + "\"A\":\"b\",".repeat(5000) + "\"B\":\"c\"}}",
            "<drover/>", "<?xml version=\"1.0\"?><a>1</a>", "name=x&cores=1", "--boundary\r\n\r\n--boundary--",
            "\u0000\u0000\u0000\u0000", "{\"name\":\"" + "\\".repeat(1001) + "\"}");

    private Bodies() {
    }

    /** A body for a call that reads {@code type}: mostly shaped after it, sometimes after another record, sometimes junk. */
    static Arbitrary<FuzzRequest.Body> forRecord(Class<? extends Record> type) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, record(type, 3).map(FuzzRequest.JsonBody::new)),
                Tuple.of(2, Arbitraries.of(REQUEST_RECORDS).flatMap(other -> record(other, 2)).map(FuzzRequest.JsonBody::new)),
                Tuple.of(2, randomJson(3).map(FuzzRequest.JsonBody::new)),
                Tuple.of(2, malformed(record(type, 2))));
    }

    /** A body for a call that reads none: mostly nothing, sometimes anything. */
    static Arbitrary<FuzzRequest.Body> forNoBody() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(new FuzzRequest.NoBody())),
                Tuple.of(1, randomJson(2).map(FuzzRequest.JsonBody::new)),
                Tuple.of(1, malformed(randomJson(2))));
    }

    private static Arbitrary<FuzzRequest.Body> malformed(Arbitrary<Json> base) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(base, Arbitraries.doubles().between(0, 1))
                        .as(FuzzRequest.TruncatedJson::new)),
                Tuple.of(3, Arbitraries.of(CRAFTED).map(FuzzRequest.RawText::new)),
                Tuple.of(2, Values.text().map(FuzzRequest.RawText::new)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(FuzzRequest.RawBytes::new)),
                Tuple.of(1, Arbitraries.of("{\"name\":\"\u00e9\u00e8\"}", "{\"name\":\"\ud83d\ude00\"}")
                        .map(s -> new FuzzRequest.RawBytes(s.getBytes(StandardCharsets.UTF_16)))));
    }

    /**
     * A JSON object shaped after {@code type}: either wild (every field present or not, plausible, null or of
     * the wrong type) or valid but for at most one field, so that calls get past parsing and validation too.
     */
    static Arbitrary<Json> record(Class<?> type, int depth) {
        return Arbitraries.frequencyOf(Tuple.of(2, wildRecord(type, depth)), Tuple.of(1, nearlyValidRecord(type, depth)));
    }

    /** Every field valid, then one of them (or none) dropped or replaced by a wild value. */
    private static Arbitrary<Json> nearlyValidRecord(Class<?> type, int depth) {
        RecordComponent[] components = type.getRecordComponents();
        List<Arbitrary<Json>> wild = new ArrayList<>();
        for (RecordComponent component : components) {
            wild.add(field(component.getName(), component.getGenericType(), Math.max(0, depth - 1)));
        }
        Arbitrary<Integer> mutated = Arbitraries.frequencyOf(Tuple.of(components.length, Arbitraries.just(-1)),
                Tuple.of(2 * components.length, Arbitraries.integers().between(0, components.length - 1)));
        return Combinators.combine(validRecord(type, depth), mutated, Arbitraries.of(true, false))
                .flatAs((valid, index, drop) -> {
                    if (index < 0) {
                        return Arbitraries.just((Json) valid);
                    }
                    String name = components[index].getName();
                    Arbitrary<Optional<Json>> replacement = drop ? Arbitraries.just(Optional.<Json>empty())
                            : wild.get(index).map(Optional::of);
                    return replacement.map(value -> {
                        List<Map.Entry<String, Json>> fields = new ArrayList<>();
                        for (Map.Entry<String, Json> field : ((Json.Obj) valid).fields()) {
                            if (!field.getKey().equals(name)) {
                                fields.add(field);
                            } else {
                                value.ifPresent(v -> fields.add(new AbstractMap.SimpleImmutableEntry<>(name, v)));
                            }
                        }
                        return (Json) new Json.Obj(fields);
                    });
                });
    }

    /** Every field present and valid, as far as the fuzz knows the rules (it need not know all of them). */
    private static Arbitrary<Json> validRecord(Class<?> type, int depth) {
        List<Arbitrary<Map.Entry<String, Json>>> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            fields.add(entry(Arbitraries.just(component.getName()), valid(component.getName(), component.getGenericType(), depth)));
        }
        Arbitrary<String> dropped = type == CommandSpec.class ? Arbitraries.of("mainClass", "executable") : Arbitraries.just("");
        return Combinators.combine(Combinators.combine(fields).as(list -> list), dropped)
                .as((all, drop) -> (Json) new Json.Obj(all.stream().filter(f -> !f.getKey().equals(drop)).toList()));
    }

    private static Arbitrary<Json> valid(String name, Type type, int depth) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type item = parameterized.getActualTypeArguments()[List.class.isAssignableFrom(raw) ? 0 : 1];
            if (List.class.isAssignableFrom(raw)) {
                Arbitrary<Json> items = item == String.class ? validListItem(name)
                        : depth <= 0 ? randomJson(0) : valid(name, item, depth - 1);
                return items.list().ofMaxSize(2).map(list -> (Json) new Json.Arr(list));
            }
            return entry(Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(8),
                    str(Arbitraries.strings().alpha().ofMaxLength(8))).list().ofMaxSize(2).map(list -> (Json) new Json.Obj(list));
        }
        Class<?> raw = (Class<?>) type;
        String lower = name.toLowerCase(Locale.ROOT);
        if (raw == String.class) {
            return switch (name) {
                case "name", "appName" -> str(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)
                        .map(s -> "fuzz-" + s));
                case "appResource" -> strs("file:" + Values.NO_SUCH_DIR + "app.jar", Values.CLOSED_PORT_URL + "/app.jar");
                case "url", "driverUrl" -> strs(Values.CLOSED_PORT_URL);
                case "masterUrl" -> Arbitraries.frequencyOf(Tuple.of(3, ref(LiveRef.MASTER_URL)),
                        Tuple.of(1, strs(Values.CLOSED_PORT_URL)));
                case "executable" -> strs(Values.NO_SUCH_DIR + "program");
                case "mainClass" -> strs("io.drover.fuzz.NoSuchMain");
                case "host" -> strs("127.0.0.1");
                // The queue every master has: an unknown one is a 400, and valid bodies should get through.
                case "queue" -> strs("default");
                // A valid report of a launch the worker refused marks the live worker unhealthy for good (the real
                // worker's heartbeats say nothing of health), and the live things could not be replaced.
                case "workerFault" -> Arbitraries.just((Json) Json.Null.NULL);
                case "driverId" -> ids(LiveRef.RUNNING_DRIVER_ID, LiveRef.FINISHED_DRIVER_ID, LiveRef.UNKNOWN_DRIVER_ID);
                case "appId" -> ids(LiveRef.APP_ID, LiveRef.UNKNOWN_APP_ID);
                case "workerId" -> Arbitraries.frequencyOf(Tuple.of(5, ref(LiveRef.WORKER_ID)),
                        Tuple.of(1, ref(LiveRef.UNKNOWN_WORKER_ID)));
                default -> str(Arbitraries.strings().alpha().numeric().ofMaxLength(12));
            };
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            if (lower.contains("epoch")) {
                return lower.equals("followedepoch") ? Arbitraries.oneOf(ref(LiveRef.EPOCH), number(0, 0)) : ref(LiveRef.EPOCH);
            }
            return lower.contains("memory") ? number(1, 256) : lower.contains("cores") ? number(1, 2)
                    : lower.equals("port") ? number(1, 65_535) : number(0, 3);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            // A valid health report saying the live worker is unhealthy would leave it out of placement for good
            // (the real worker's heartbeats say nothing of health), and the live things could not be replaced.
            return lower.equals("healthy") ? Arbitraries.just((Json) new Json.Bool(true))
                    : Arbitraries.of(true, false).map(b -> (Json) new Json.Bool(b));
        }
        if (raw.isEnum()) {
            return strs(Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toArray(String[]::new));
        }
        if (raw.isRecord()) {
            return depth <= 0 ? randomJson(0) : validRecord(raw, depth - 1);
        }
        return randomJson(0);
    }

    private static Arbitrary<Json> validListItem(String listName) {
        return switch (listName) {
            case "runningDriverIds" -> ids(LiveRef.RUNNING_DRIVER_ID, LiveRef.UNKNOWN_DRIVER_ID);
            case "runningExecutors" -> strs(Values.UNKNOWN_APP + "/0");
            case "classpath" -> strs(Values.NO_SUCH_DIR + "app.jar");
            case "javaOptions" -> strs("-Xmx16m");
            default -> str(Arbitraries.strings().alpha().numeric().ofMaxLength(8));
        };
    }

    private static Arbitrary<Json> number(long min, long max) {
        return Arbitraries.longs().between(min, max).map(n -> (Json) new Json.Num(Long.toString(n)));
    }

    /** A JSON object with every field present or not, plausible, null or of the wrong type. */
    private static Arbitrary<Json> wildRecord(Class<?> type, int depth) {
        List<Arbitrary<Optional<Map.Entry<String, Json>>>> fields = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            Arbitrary<Optional<Map.Entry<String, Json>>> present = field(name, component.getGenericType(), depth)
                    .map(value -> Optional.of(new AbstractMap.SimpleImmutableEntry<>(name, value)));
            fields.add(Arbitraries.frequencyOf(Tuple.of(5, present), Tuple.of(1, Arbitraries.just(Optional.<Map.Entry<String, Json>>empty()))));
        }
        Arbitrary<List<Map.Entry<String, Json>>> extras = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(List.of())),
                Tuple.of(1, entry(Arbitraries.of(FIELD_NAMES), randomJson(1)).list().ofMaxSize(3)),
                Tuple.of(1, entry(Values.text(), randomJson(1)).list().ofMaxSize(2)));
        // A command names a main class or an executable, never both: mostly keep one, so the rest gets checked.
        Arbitrary<String> dropped = type == CommandSpec.class
                ? Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("mainClass")), Tuple.of(3, Arbitraries.just("executable")),
                        Tuple.of(1, Arbitraries.just("")))
                : Arbitraries.just("");
        return Combinators.combine(Combinators.combine(fields).as(list -> list), extras, dropped).as((present, extra, drop) -> {
            List<Map.Entry<String, Json>> all = new ArrayList<>();
            present.forEach(field -> field.filter(f -> !f.getKey().equals(drop)).ifPresent(all::add));
            all.addAll(extra);
            return new Json.Obj(all);
        });
    }

    private static Arbitrary<Map.Entry<String, Json>> entry(Arbitrary<String> names, Arbitrary<Json> values) {
        return Combinators.combine(names, values).as((name, value) -> new AbstractMap.SimpleImmutableEntry<>(name, value));
    }

    private static Arbitrary<Json> str(Arbitrary<String> strings) {
        return strings.map(s -> new Json.Str(s));
    }

    private static Arbitrary<Json> strs(String... strings) {
        return str(Arbitraries.of(strings));
    }

    private static Arbitrary<Json> ref(LiveRef ref) {
        return Arbitraries.just(new Json.Ref(ref));
    }

    private static Arbitrary<Json> field(String name, Type type, int depth) {
        // Kept out of the fuzz, wild or valid: a refused launch or an unhealthy report leaves the live worker out
        // of placement until it reports itself healthy, which the real worker does not yet do (see valid()).
        if (name.equals("workerFault")) {
            return Arbitraries.just(Json.Null.NULL);
        }
        if (name.equals("healthy")) {
            return Arbitraries.just(new Json.Bool(true));
        }
        return Arbitraries.frequencyOf(
                Tuple.of(14, plausible(name, type, depth)),
                Tuple.of(1, Arbitraries.just(Json.Null.NULL)),
                Tuple.of(1, randomJson(1)));
    }

    /** A value of the field's own type, mostly one that would pass validation. */
    private static Arbitrary<Json> plausible(String name, Type type, int depth) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                Arbitrary<Json> item = depth <= 0 ? Values.text().map(Json.Str::new) : listItem(name, args[0], depth - 1);
                return Arbitraries.frequencyOf(
                        Tuple.of(10, item.list().ofMaxSize(4).map(items -> (Json) new Json.Arr(items))),
                        Tuple.of(1, Arbitraries.of(1001, 10001).map(n -> (Json) new Json.Arr(
                                java.util.Collections.nCopies(n, new Json.Str("a"))))));
            }
            if (Map.class.isAssignableFrom(raw)) {
                Arbitrary<String> keys = Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(12)),
                        Tuple.of(1, Arbitraries.of("", "1A", "A-B", "A=B", "A B", "PATH", "HOME", "LD_PRELOAD",
                                "JAVA_TOOL_OPTIONS", "DROVER_DRIVER_ID", "\u00c9")),
                        Tuple.of(1, Values.text()));
                return entry(keys, str(Values.text())).list().ofMaxSize(4).map(entries -> (Json) new Json.Obj(entries));
            }
            return randomJson(1);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return string(name);
        }
        if (raw == int.class || raw == Integer.class) {
            return Values.number(name.toLowerCase(Locale.ROOT).contains("memory") ? 512 : 4);
        }
        if (raw == long.class || raw == Long.class) {
            return name.toLowerCase(Locale.ROOT).contains("epoch")
                    ? Arbitraries.frequencyOf(Tuple.of(1, ref(LiveRef.EPOCH)),
                            Tuple.of(2, Values.number(3)))
                    : Values.number(name.toLowerCase(Locale.ROOT).contains("memory") ? 512 : 4);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.of(true, false).map(b -> (Json) new Json.Bool(b))),
                    Tuple.of(1, strs("true", "false", "yes", "1", "")),
                    Tuple.of(1, Arbitraries.of("0", "1", "2").map(s -> (Json) new Json.Num(s))));
        }
        if (raw.isEnum()) {
            List<String> names = Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            return str(Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.of(names)),
                    Tuple.of(1, Arbitraries.of(names).map(n -> n.toLowerCase(Locale.ROOT))),
                    Tuple.of(1, Values.text())));
        }
        if (raw.isRecord()) {
            return depth <= 0 ? randomJson(1) : record(raw, depth - 1);
        }
        return randomJson(1);
    }

    private static Arbitrary<Json> listItem(String listName, Type type, int depth) {
        if (type == String.class) {
            return switch (listName) {
                case "runningDriverIds" -> ids(LiveRef.RUNNING_DRIVER_ID, LiveRef.FINISHED_DRIVER_ID, LiveRef.UNKNOWN_DRIVER_ID);
                case "runningExecutors" -> str(Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.of(Values.UNKNOWN_APP + "/0", "app-/0", "/", "a/b/c", "x")),
                        Tuple.of(1, Values.text())));
                case "classpath" -> str(Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.just(Values.NO_SUCH_DIR + "app.jar")),
                        Tuple.of(1, Values.text())));
                default -> str(Values.text());
            };
        }
        return plausible(listName, type, depth);
    }

    private static Arbitrary<Json> string(String name) {
        Arbitrary<Json> text = str(Values.text());
        Arbitrary<Json> plausible = switch (name) {
            case "driverId" -> ids(LiveRef.RUNNING_DRIVER_ID, LiveRef.FINISHED_DRIVER_ID, LiveRef.UNKNOWN_DRIVER_ID);
            case "appId" -> ids(LiveRef.APP_ID, LiveRef.UNKNOWN_APP_ID);
            case "workerId" -> Arbitraries.frequencyOf(
                    Tuple.of(4, ref(LiveRef.WORKER_ID)),
                    Tuple.of(1, ref(LiveRef.UNKNOWN_WORKER_ID)));
            case "masterUrl" -> Arbitraries.frequencyOf(
                    Tuple.of(2, ref(LiveRef.MASTER_URL)),
                    Tuple.of(1, strs(Values.CLOSED_PORT_URL, "", " ")));
            case "url", "driverUrl" -> strs(Values.CLOSED_PORT_URL, Values.CLOSED_PORT_URL + "/", "https://127.0.0.1:1",
                    "ftp://127.0.0.1/", "http://", "127.0.0.1:1", "");
            case "appResource" -> strs("file:" + Values.NO_SUCH_DIR + "app.jar", Values.CLOSED_PORT_URL + "/app.jar",
                    "file:", "file:///etc/passwd", "FILE:/x", "ftp://127.0.0.1/x.jar", "jar:file:/x!/", "", "file:/a b");
            case "executable" -> strs(Values.NO_SUCH_DIR + "program", "", Values.NO_SUCH_DIR + "a b",
                    Values.NO_SUCH_DIR + "x".repeat(5000));
            case "mainClass" -> strs("io.drover.fuzz.NoSuchMain", "Main", "\u00e9t\u00e9.Main", "1abc", "a..b", ".a",
                    "a.", "java.lang.Object", "$", "_");
            case "host" -> strs("127.0.0.1", "localhost", "::1", "", "a".repeat(300));
            default -> text;
        };
        return Arbitraries.frequencyOf(Tuple.of(3, plausible), Tuple.of(1, text));
    }

    private static Arbitrary<Json> ids(LiveRef... refs) {
        return Arbitraries.of(refs).map(r -> (Json) new Json.Ref(r));
    }

    /** Valid JSON of any shape up to {@code depth}, with keys mostly drawn from the records' field names. */
    static Arbitrary<Json> randomJson(int depth) {
        Arbitrary<Json> scalar = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Json.Null.NULL)),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Json) new Json.Bool(b))),
                Tuple.of(2, Values.number(1000)),
                Tuple.of(3, str(Values.text())),
                Tuple.of(1, Arbitraries.of(LiveRef.values()).map(r -> (Json) new Json.Ref(r))));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<Json> deeper = randomJson(depth - 1);
        Arbitrary<String> keys = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(FIELD_NAMES)), Tuple.of(1, Values.text()));
        return Arbitraries.frequencyOf(
                Tuple.of(3, scalar),
                Tuple.of(1, deeper.list().ofMaxSize(5).map(items -> (Json) new Json.Arr(items))),
                Tuple.of(3, entry(keys, deeper).list().ofMaxSize(6).map(fields -> (Json) new Json.Obj(fields))));
    }

    private static List<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Class<? extends Record> type : REQUEST_RECORDS) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
        }
        return List.copyOf(names);
    }
}

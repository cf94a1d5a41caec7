package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.cluster.SparkRestClient.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

/**
 * Whatever a Spark client sends to the Spark port, it gets Spark's JSON back, never a 5xx, and nothing changes
 * unless the answer says a submission was made or a kill requested: random methods and paths over Spark's
 * routes, create requests with fields missing, of the wrong type or junk, and documents that are not JSON.
 * (What Tomcat's connector refuses before any application code runs, a NUL or a control character in the
 * path, or one that climbs above the root (/..), keeps Tomcat's own 400 page, as on the master's main port.)
 */
class SparkRestFuzzTest {

    private static Path root;
    private static TestCluster cluster;
    private static SparkRestClient spark;

    @BeforeContainer
    static void start() throws Exception {
        root = Files.createTempDirectory("spark-rest-fuzz");
        cluster = TestCluster.start(root, "--drover.spark.rest.enabled=true", "--drover.spark.rest.port=0");
        spark = new SparkRestClient(SparkRestClient.sparkPort(cluster.masterContext()));
    }

    @AfterContainer
    static void stop() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            TempTrees.deleteQuietly(root);
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> part = Arbitraries.of("v1", "v2", "submissions", "create", "status", "kill", "killall", "clear",
                "readyz", "driver-20261205103000-0001", "driver-x", "%2F", "a%20b", "", "api", "\u00e9");
        return part.list().ofMaxSize(5).map(parts -> "/" + String.join("/", parts));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<Object> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast), Arbitraries.just(List.of("a", 1)),
                Arbitraries.just(Map.of("k", List.of())), Arbitraries.just(true));
        Arbitrary<String> field = Arbitraries.of("action", "appResource", "mainClass", "appArgs", "clientSparkVersion",
                "sparkProperties", "environmentVariables", "unknown");
        Arbitrary<String> mutated = Combinators.combine(field, value, Arbitraries.of(true, false)).as((f, v, remove) -> {
            Map<String, Object> changes = new HashMap<>();
            changes.put(f, remove ? null : v);
            return SparkRestClient.createRequest("file:/tmp/app.jar", "anchors.Hello", List.of("a"),
                    Map.of(), changes);
        });
        Arbitrary<String> properties = Arbitraries.of("spark.driver.memory", "spark.driver.cores", "spark.cores.max",
                "spark.driver.supervise", "spark.executor.memory", "spark.driver.extraJavaOptions", "spark.jars")
                .flatMap(key -> Arbitraries.of("1", "-1", "1.5", "lots", "999999999999g", "true", "", "'\"", "\u0000")
                        .map(v -> SparkRestClient.createRequest("file:/tmp/app.jar", "anchors.Hello", List.of(),
                                Map.of(key, v), Map.of())));
        Arbitrary<String> crafted = Arbitraries.of("", "{", "[]", "null", "\"x\"", "{\"action\":1}",
                "{\"action\":\"CreateSubmissionRequest\"}", "{\"action\":\"ErrorResponse\",\"message\":\"m\"}",
                "{\"action\":\"CreateSubmissionRequest\",\"sparkProperties\":[]}", "<xml/>", "[".repeat(3000));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, mutated), net.jqwik.api.Tuple.of(3, properties),
                net.jqwik.api.Tuple.of(2, crafted), net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)));
    }

    @Property(tries = 300)
    void anythingSentGetsSparksJsonAndNo5xx(@ForAll("methods") String method, @ForAll("paths") String path,
            @ForAll("bodies") String body) throws Exception {
        int before = cluster.client.drivers().size();

        Answer answer = spark.send(method, path, method.equals("GET") ? null : body);

        assertThat(answer.status()).as(method + " " + path + " " + body + " -> " + answer.body()).isLessThan(500);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=utf-8");
        JsonNode json = answer.json();
        assertThat(json.path("action").asString()).endsWith("Response");
        assertThat(json.path("serverSparkVersion").asString()).isEqualTo("4.2.0");
        boolean submitted = json.path("action").asString().equals("CreateSubmissionResponse")
                && json.path("success").asBoolean();
        assertThat(cluster.client.drivers()).hasSize(submitted ? before + 1 : before);
    }
}

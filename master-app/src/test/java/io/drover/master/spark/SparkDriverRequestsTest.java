package io.drover.master.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.spark.CreateSubmissionRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SparkDriverRequestsTest {

    private static final List<Pattern> ANY = List.of(Pattern.compile(".*"));
    private static final String MASTER = "drover://10.0.0.1:8080";

    private static CreateSubmissionRequest request(String appResource, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("spark.master", "spark://10.0.0.1:6066",
                "spark.app.name", "etl", "spark.jars", appResource + ",file:/opt/lib/extra.jar"));
        all.putAll(properties);
        return new CreateSubmissionRequest("CreateSubmissionRequest", appResource, "com.example.Etl", List.of("in", "out"),
                "4.2.0", all, Map.of("SPARK_ENV_LOADED", "1", "SPARK_LOCAL_IP", "10.9.9.9"));
    }

    @Test
    void aSubmissionIsAPlainJvmWithSparksOptionsAndEveryPropertyPointedAtThisMaster() {
        SubmitDriverRequest driver = SparkDriverRequests.toDriver(request("file:/jobs/etl.jar", Map.of(
                "spark.driver.memory", "2g", "spark.driver.cores", "2", "spark.driver.supervise", "true",
                "spark.driver.extraJavaOptions", "-Da=1 '-Db=two words'", "spark.driver.extraClassPath", "/opt/x.jar")),
                MASTER, ANY);

        assertThat(driver.name()).isEqualTo("etl");
        assertThat(driver.appResource()).isEqualTo("file:/jobs/etl.jar");
        assertThat(driver.memoryMb()).isEqualTo(2048);
        assertThat(driver.cores()).isEqualTo(2);
        assertThat(driver.supervise()).isTrue();
        assertThat(driver.command().mainClass()).isEqualTo("com.example.Etl");
        assertThat(driver.command().arguments()).containsExactly("in", "out");
        assertThat(driver.command().classpath()).containsExactly("{{SPARK_CLASSPATH}}", "{{APP_RESOURCE}}", "/opt/x.jar");
        assertThat(driver.command().javaOptions()).startsWith(SparkJavaOptions.MODULE_OPTIONS.toArray(String[]::new))
                .contains("-Dspark.master=" + MASTER, "-Dspark.app.name=etl",
                        "-Dspark.jars={{APP_RESOURCE}},file:/opt/lib/extra.jar")
                .endsWith("-Da=1", "-Db=two words");
        assertThat(driver.command().environment()).containsExactly(Map.entry("SPARK_ENV_LOADED", "1"));
    }

    @Test
    void sparksDefaultsWithoutDriverSettingsAndABarePathReadsAsAFile() {
        SubmitDriverRequest driver = SparkDriverRequests.toDriver(request("/jobs/etl.jar", Map.of()), MASTER, ANY);

        assertThat(driver.appResource()).isEqualTo("file:/jobs/etl.jar");
        assertThat(driver.cores()).isEqualTo(1);
        assertThat(driver.memoryMb()).isEqualTo(1024);
        assertThat(driver.supervise()).isFalse();
    }

    @Test
    void anEmptyAppResourceMeansNoneToFetch() {
        SubmitDriverRequest driver = SparkDriverRequests.toDriver(request("", Map.of()), MASTER, ANY);

        assertThat(driver.appResource()).isNull();
        assertThat(driver.command().classpath()).containsExactly("{{SPARK_CLASSPATH}}");
    }

    @Test
    void sparksValidationFailsWithSparksWordsAndTheCause() {
        assertThatThrownBy(() -> SparkDriverRequests.toDriver(request("file:/a.jar",
                Map.of("spark.executor.memory", "lots")), MASTER, ANY))
                .isInstanceOfSatisfying(SparkRestException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("Malformed request: org.apache.spark.deploy.rest.SubmitRestProtocolException: "
                        + "Validation of message CreateSubmissionRequest failed!")
                .hasMessageContaining("Property 'spark.executor.memory' expected memory value: actual was 'lots'.");
    }

    @Test
    void fractionalCoresPassSparksCheckButAreRefusedClearly() {
        assertThatThrownBy(() -> SparkDriverRequests.toDriver(request("file:/a.jar",
                Map.of("spark.driver.cores", "1.5")), MASTER, ANY))
                .hasMessageContaining("spark.driver.cores").hasMessageContaining("whole number");
    }

    @Test
    void anAppResourceMustMatchAnAllowedPattern() {
        List<Pattern> jobs = List.of(Pattern.compile("file:/jobs/.*"));

        assertThat(SparkDriverRequests.toDriver(request("/jobs/a.jar", Map.of()), MASTER, jobs).appResource())
                .isEqualTo("file:/jobs/a.jar");
        assertThatThrownBy(() -> SparkDriverRequests.toDriver(request("file:/tmp/a.jar", Map.of()), MASTER, jobs))
                .hasMessageContaining("drover.spark.rest.allowed-app-resources");
    }

    @Test
    void memoryStringsReadAsSparkReadsThem() {
        assertThat(MemoryStrings.toMb("512")).isEqualTo(512);
        assertThat(MemoryStrings.toMb("512m")).isEqualTo(512);
        assertThat(MemoryStrings.toMb("2G")).isEqualTo(2048);
        assertThat(MemoryStrings.toMb("1048576k")).isEqualTo(1024);
        assertThatThrownBy(() -> MemoryStrings.toMb("lots")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemoryStrings.toMb("5x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void javaOptionStringsSplitOnSpacesOutsideQuotes() {
        assertThat(JavaOptionStrings.split("  -Xss4m \"-Dname=a b\" -Dq='x y' -De=a\\ b ")).containsExactly(
                "-Xss4m", "-Dname=a b", "-Dq=x y", "-De=a b");
        assertThat(JavaOptionStrings.split(null)).isEmpty();
    }
}

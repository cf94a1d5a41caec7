package io.drover.bench;

import io.drover.master.MasterApplication;
import io.drover.master.spark.SparkJavaOptions;
import io.drover.worker.WorkerApplication;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same Spark job submitted with Spark's own {@code spark-submit --deploy-mode cluster} (REST) to Spark 4.2's
 * standalone master and worker (from the same Maven Central jars, started as Spark's scripts start them) and to
 * a Drover master and worker, both up in this run, the submissions alternating between them, one at a time;
 * prints the p50 (and min, max) of submit → the driver's {@code main()} (the first line {@code SparkWordCount}
 * prints) and submit → {@code FINISHED} (polling the REST status every 20 ms), both measured from just before
 * {@code spark-submit} starts, so both include its own start-up; and accepted → {@code main()}, from the moment
 * {@code spark-submit} logged the master's answer to its create request, which leaves its start-up out.
 *
 * <p>Run, after building: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl bench exec:java
 * -Dexec.mainClass=io.drover.bench.SparkSubmitBenchmark} (arguments: runs, default 10; lines of the word
 * count, default 20000). Needs {@code spark-home/target/spark-home}, the plugin and examples jars from the build.
 */
public final class SparkSubmitBenchmark {

    /** The repository: where Maven runs the benchmark from (its root with -pl, or bench/), or -Ddrover.root. */
    private static final Path ROOT = Path.of(System.getProperty("drover.root",
            Files.isDirectory(Path.of("spark-home")) ? "." : "..")).toAbsolutePath().normalize();
    private static final Path SPARK_HOME = ROOT.resolve("spark-home/target/spark-home");
    private static final Path PLUGIN = ROOT.resolve("spark-plugin/target/spark-plugin-0.1.0-SNAPSHOT.jar");
    private static final Path EXAMPLES = ROOT.resolve("examples/target/examples-0.1.0-SNAPSHOT.jar");
    private static final Pattern SUBMITTED =
            Pattern.compile("(\\d{13}) .*Submission successfully created as (driver-\\d{14}-\\d{4})");
    private static final Pattern MAIN = Pattern.compile("main entered at (\\d+)");
    private static final Pattern STATE = Pattern.compile("\"driverState\" : \"([A-Z]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SparkSubmitBenchmark() {
    }

    /**
     * @param toMainMs from just before spark-submit starts to the driver's main()
     * @param acceptedToMainMs from the moment spark-submit logged the master's answer to its create request
     *     (the cluster manager's own part: spark-submit's start-up is left out)
     * @param toFinishedMs from just before spark-submit starts to the first FINISHED status
     */
    record Run(long toMainMs, long acceptedToMainMs, long toFinishedMs) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String lines = args.length > 1 ? args[1] : "20000";
        for (Path required : List.of(SPARK_HOME.resolve("jars"), PLUGIN, EXAMPLES)) {
            if (!Files.exists(required)) {
                throw new IllegalStateException(required + " is missing; build first (./mvnw -B -q install -DskipTests)");
            }
        }
        Path work = Files.createTempDirectory("drover-spark-bench");
        System.out.printf(Locale.ROOT, "Spark job submitted with spark-submit --deploy-mode cluster: SparkWordCount %s "
                + "lines, 2 partitions, one 1-core 512m executor; %d runs each, %d CPUs%n", lines, runs,
                Runtime.getRuntime().availableProcessors());
        List<Run> spark = new ArrayList<>();
        List<Run> drover = new ArrayList<>();
        // Both clusters up at once and the runs alternating, so that whatever else loads the machine weighs on
        // both alike; the first run of each is a warm-up and is not counted.
        try (Target sparkTarget = sparkStandalone(work.resolve("spark"));
                Target droverTarget = drover(work.resolve("drover"))) {
            for (int i = 0; i <= runs; i++) {
                Run s = measure(sparkTarget, "submit-" + i + ".log", lines);
                Run d = measure(droverTarget, "submit-" + i + ".log", lines);
                if (i > 0) {
                    spark.add(s);
                    drover.add(d);
                }
            }
        }
        report("Spark 4.2 standalone", spark);
        report("Drover", drover);
        System.out.printf(Locale.ROOT, "submit -> main(): Drover %.1fx faster (%.1fx from the accepted submission); "
                + "submit -> FINISHED: Drover %.1fx faster%n",
                (double) p50(spark, Run::toMainMs) / p50(drover, Run::toMainMs),
                (double) p50(spark, Run::acceptedToMainMs) / p50(drover, Run::acceptedToMainMs),
                (double) p50(spark, Run::toFinishedMs) / p50(drover, Run::toFinishedMs));
    }

    /** A cluster to submit to: where its REST port is, where its worker writes drivers' output, how to stop it. */
    private record Target(Path work, int restPort, Path workerDir, AutoCloseable stop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    private static Target sparkStandalone(Path work) throws Exception {
        int masterPort = freePort();
        int restPort = freePort();
        Path workerDir = Files.createDirectories(work.resolve("worker"));
        List<String> rest = List.of("-Dspark.master.rest.enabled=true", "-Dspark.master.rest.host=127.0.0.1",
                "-Dspark.master.rest.port=" + restPort);
        Process master = startSparkDaemon(work.resolve("master.log"), rest, "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port",
                Integer.toString(freePort()));
        Process[] worker = new Process[1];
        AutoCloseable stop = () -> {
            stopTree(worker[0]);
            stopTree(master);
        };
        try {
            awaitReady(restPort);
            worker[0] = startSparkDaemon(work.resolve("worker.log"), List.of(), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--port", Integer.toString(freePort()), "--webui-port",
                    Integer.toString(freePort()), "--cores", "4", "--memory", "8g", "--work-dir", workerDir.toString(),
                    "spark://127.0.0.1:" + masterPort);
            awaitLine(work.resolve("worker.log"), "Successfully registered with master");
            return new Target(work, restPort, workerDir, stop);
        } catch (Exception e) {
            stop.close();
            throw e;
        }
    }

    private static Target drover(Path work) throws Exception {
        String quiet = "--logging.level.io.drover=WARN";
        Path workerDir = Files.createDirectories(work.resolve("worker"));
        ConfigurableApplicationContext master = MasterApplication.builder().run("--server.port=0", quiet,
                BenchSecret.ARGUMENT, "--drover.spark.rest.enabled=true", "--drover.spark.rest.port=0");
        ConfigurableApplicationContext worker = WorkerApplication.builder().run("--server.port=0", quiet,
                BenchSecret.ARGUMENT, "--drover.worker.master-urls=http://127.0.0.1:" + port(master, true),
                "--drover.worker.cores=4", "--drover.worker.memory-mb=8192",
                "--drover.worker.work-dir=" + workerDir, "--drover.worker.spark-home=" + SPARK_HOME,
                "--drover.worker.spark-plugin=" + PLUGIN);
        int restPort = port(master, false);
        awaitReady(restPort);
        awaitWorkerWithSpark(port(master, true));
        return new Target(work, restPort, workerDir, () -> {
            worker.close();
            master.close();
        });
    }

    private static Run measure(Target target, String logName, String lines) throws Exception {
        long start = System.currentTimeMillis();
        Matcher submitted = submit(target.work(), logName, target.restPort(), lines);
        String driverId = submitted.group(2);
        long finished = awaitFinished(target.restPort(), driverId);
        long main = mainEntered(target.workerDir().resolve(driverId).resolve("stdout"));
        return new Run(main - start, main - Long.parseLong(submitted.group(1)), finished - start);
    }

    /** Runs spark-submit; the match holds the time its create request was answered, then the submission id. */
    private static Matcher submit(Path work, String logName, int restPort, String lines) throws Exception {
        Path log = work.resolve(logName);
        // A conf dir first on the classpath, as $SPARK_CONF_DIR is: log lines stamped in epoch milliseconds.
        Path conf = work.resolve("submit-conf");
        if (!Files.exists(conf.resolve("log4j2.properties"))) {
            Files.createDirectories(conf);
            Files.writeString(conf.resolve("log4j2.properties"), String.join("\n", "rootLogger.level = info",
                    "rootLogger.appenderRef.stderr.ref = console", "appender.console.type = Console",
                    "appender.console.name = console", "appender.console.target = SYSTEM_ERR",
                    "appender.console.layout.type = PatternLayout",
                    "appender.console.layout.pattern = %d{UNIX_MILLIS} %p %c{1}: %m%n"));
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m"));
        command.addAll(SparkJavaOptions.MODULE_OPTIONS);
        command.addAll(List.of("-cp", conf + File.separator + File.pathSeparator + SPARK_HOME.resolve("jars")
                + File.separator + "*",
                "org.apache.spark.deploy.SparkSubmit", "--master", "spark://127.0.0.1:" + restPort,
                "--conf", "spark.master.rest.enabled=true", "--deploy-mode", "cluster",
                "--class", "io.drover.examples.spark.SparkWordCount", "--driver-memory", "512m",
                "--executor-memory", "512m", "--executor-cores", "1", "--total-executor-cores", "1",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
                EXAMPLES.toString(), lines, "2"));
        Process process = sparkEnvironment(new ProcessBuilder(command)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("spark-submit failed; see " + log);
        }
        Matcher id = SUBMITTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (!id.find()) {
            throw new IllegalStateException("spark-submit named no submission; see " + log);
        }
        return id;
    }

    private static long awaitFinished(int restPort, String driverId) throws Exception {
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(5);
        while (System.currentTimeMillis() < deadline) {
            String body = get("http://127.0.0.1:" + restPort + "/v1/submissions/status/" + driverId);
            Matcher state = STATE.matcher(body);
            if (state.find()) {
                switch (state.group(1)) {
                    case "FINISHED" -> {
                        return System.currentTimeMillis();
                    }
                    case "FAILED", "ERROR", "KILLED" -> throw new IllegalStateException(driverId + " ended " + body);
                    default -> { }
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(driverId + " did not finish");
    }

    private static long mainEntered(Path stdout) throws IOException {
        Matcher main = MAIN.matcher(Files.readString(stdout, StandardCharsets.UTF_8));
        if (!main.find()) {
            throw new IllegalStateException(stdout + " says nothing of main()");
        }
        return Long.parseLong(main.group(1));
    }

    private static Process startSparkDaemon(Path log, List<String> options, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g"));
        command.addAll(SparkJavaOptions.MODULE_OPTIONS);
        command.addAll(options);
        command.addAll(List.of("-cp", SPARK_HOME.resolve("jars") + File.separator + "*", mainClass));
        command.addAll(List.of(args));
        return sparkEnvironment(new ProcessBuilder(command)).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
    }

    /** What Spark's scripts would have set: the worker builds driver commands with Spark's launcher. */
    private static ProcessBuilder sparkEnvironment(ProcessBuilder builder) {
        builder.environment().put("SPARK_HOME", SPARK_HOME.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder;
    }

    private static void awaitReady(int restPort) throws Exception {
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(2);
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get("http://127.0.0.1:" + restPort + "/v1/submissions/readyz").contains("\"success\" : true")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no REST server on " + restPort);
    }

    private static void awaitWorkerWithSpark(int masterPort) throws Exception {
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(1);
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> workers = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + masterPort + "/api/v1/workers"))
                    .header("Authorization", "Bearer " + BenchSecret.SECRET).build(), HttpResponse.BodyHandlers.ofString());
            if (workers.body().contains("\"spark.version\"")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no Drover worker with Spark");
    }

    private static void awaitLine(Path log, String text) throws Exception {
        long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(2);
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(log + " never said: " + text);
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void stopTree(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static int port(ConfigurableApplicationContext master, boolean main) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) master).getWebServer();
        for (var connector : server.getTomcat().getService().findConnectors()) {
            if ((connector.getLocalPort() == server.getPort()) == main) {
                return connector.getLocalPort();
            }
        }
        throw new IllegalStateException("no such connector");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private interface Metric {
        long of(Run run);
    }

    private static long p50(List<Run> runs, Metric metric) {
        List<Long> values = new ArrayList<>(runs.stream().map(metric::of).toList());
        Collections.sort(values);
        return values.get((values.size() - 1) / 2);
    }

    private static void report(String system, List<Run> runs) {
        LongSummary main = LongSummary.of(runs, Run::toMainMs);
        LongSummary accepted = LongSummary.of(runs, Run::acceptedToMainMs);
        LongSummary finished = LongSummary.of(runs, Run::toFinishedMs);
        System.out.printf(Locale.ROOT, "%-22s submit -> main(): p50 %6d ms (min %d, max %d); accepted -> main(): p50 %6d ms "
                + "(min %d, max %d); submit -> FINISHED: p50 %6d ms (min %d, max %d)%n", system, p50(runs, Run::toMainMs),
                main.min, main.max, p50(runs, Run::acceptedToMainMs), accepted.min, accepted.max,
                p50(runs, Run::toFinishedMs), finished.min, finished.max);
    }

    private record LongSummary(long min, long max) {
        static LongSummary of(List<Run> runs, Metric metric) {
            return new LongSummary(runs.stream().mapToLong(metric::of).min().orElse(0),
                    runs.stream().mapToLong(metric::of).max().orElse(0));
        }
    }
}

package io.drover.master.spark;

import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.command.Placeholder;
import io.drover.protocol.spark.CreateSubmissionRequest;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A Spark submission as a Drover driver (issue 12), checked first the way Spark's server checks it
 * ({@code CreateSubmissionRequest.doValidate}, then {@code buildDriverDescription}). Pure.
 *
 * <p>The driver runs as a plain JVM, with no {@code DriverWrapper} in between:
 * {@code java -Xmx<spark.driver.memory> <Spark's module options> -D<every Spark property>
 * <spark.driver.defaultJavaOptions> <spark.driver.extraJavaOptions> -cp <the worker's Spark and the Drover
 * plugin>:<the app resource>:<spark.driver.extraClassPath> <mainClass> <appArgs>}, where {@code spark.master}
 * names this Drover master ({@code drover://host:port}), so the application's executors come from Drover too.
 */
final class SparkDriverRequests {

    private static final String VALIDATION_FAILED = "org.apache.spark.deploy.rest.SubmitRestProtocolException: "
            + "Validation of message CreateSubmissionRequest failed!";

    private SparkDriverRequests() {
    }

    /**
     * @param droverMaster this master as a Spark master URL, {@code drover://host:port}
     * @param allowedAppResources what an app resource must match in full
     * @throws SparkRestException for what Spark refuses, and for what Drover cannot run
     */
    static SubmitDriverRequest toDriver(CreateSubmissionRequest request, String droverMaster,
            List<Pattern> allowedAppResources) {
        validate(request);
        if (request.mainClass() == null) {
            throw SparkRestException.malformed(
                    "org.apache.spark.deploy.rest.SubmitRestMissingFieldException: Main class is missing.");
        }
        Map<String, String> properties = request.sparkProperties();
        String appResource = appResource(request.appResource(), allowedAppResources);
        List<String> classpath = new ArrayList<>();
        classpath.add(Placeholder.SPARK_CLASSPATH.token());
        if (appResource != null) {
            classpath.add(Placeholder.APP_RESOURCE.token());
        }
        classpath.addAll(split(properties.get("spark.driver.extraClassPath")));
        List<String> javaOptions = new ArrayList<>(SparkJavaOptions.MODULE_OPTIONS);
        sparkProperties(properties, droverMaster, request.appResource()).forEach(
                (key, value) -> javaOptions.add("-D" + key + "=" + value));
        javaOptions.addAll(JavaOptionStrings.split(properties.get("spark.driver.defaultJavaOptions")));
        javaOptions.addAll(JavaOptionStrings.split(properties.get("spark.driver.extraJavaOptions")));
        Map<String, String> environment = new LinkedHashMap<>();
        if (request.environmentVariables() != null) {
            // As Spark's server does: the client's own addresses mean nothing where the driver runs.
            request.environmentVariables().forEach((name, value) -> {
                if (!name.matches("SPARK_LOCAL_(IP|HOSTNAME)")) {
                    environment.put(name, value);
                }
            });
        }
        CommandSpec command = new CommandSpec(request.mainClass(), classpath, javaOptions, null,
                request.appArgs(), environment);
        String name = properties.getOrDefault("spark.app.name", request.mainClass());
        return new SubmitDriverRequest(name, appResource, command,
                number(properties, "spark.driver.cores", SubmitDriverRequest.DEFAULT_CORES, Integer::valueOf),
                number(properties, "spark.driver.memory", SubmitDriverRequest.DEFAULT_MEMORY_MB, MemoryStrings::toMb),
                Boolean.parseBoolean(properties.getOrDefault("spark.driver.supervise", "false")));
    }

    /** Spark's checks, in Spark's order; Spark names no field, the cause here does. */
    private static void validate(CreateSubmissionRequest request) {
        String problem = null;
        if (request.clientSparkVersion() == null) {
            problem = "'clientSparkVersion' is missing in message CreateSubmissionRequest.";
        } else if (request.sparkProperties() == null) {
            problem = "No Spark properties set!";
        } else if (request.appResource() == null) {
            problem = "'appResource' is missing in message CreateSubmissionRequest.";
        } else {
            Map<String, String> properties = request.sparkProperties();
            problem = check(properties, "spark.driver.supervise", "boolean", SparkDriverRequests::parseBoolean);
            for (String key : List.of("spark.driver.cores", "spark.cores.max")) {
                problem = problem != null ? problem : check(properties, key, "numeric", Double::parseDouble);
            }
            for (String key : List.of("spark.driver.memory", "spark.executor.memory")) {
                problem = problem != null ? problem : check(properties, key, "memory", MemoryStrings::toMb);
            }
        }
        if (problem != null) {
            throw SparkRestException.malformed(VALIDATION_FAILED + "\n\tcaused by: " + problem);
        }
    }

    private static String check(Map<String, String> properties, String key, String type, Function<String, ?> parse) {
        String value = properties.get(key);
        if (value == null) {
            return null;
        }
        try {
            parse.apply(value);
            return null;
        } catch (RuntimeException e) {
            return "Property '" + key + "' expected " + type + " value: actual was '" + value + "'.";
        }
    }

    /** Scala's {@code String.toBoolean}: {@code true} or {@code false} in any case, nothing else. */
    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** Spark's client sends an absolute path as {@code file:} already; a bare path is read the same way. */
    private static String appResource(String given, List<Pattern> allowed) {
        if (given.isBlank()) {
            return null;
        }
        String url = given.startsWith("/") ? "file:" + given : given;
        if (allowed.stream().noneMatch(p -> p.matcher(given).matches() || p.matcher(url).matches())) {
            throw new SparkRestException(400, "appResource " + given
                    + " is not allowed here (drover.spark.rest.allowed-app-resources)");
        }
        return url;
    }

    /**
     * Every Spark property goes on to the driver, but {@code spark.master} names this Drover master, and the
     * app resource in {@code spark.jars} is the worker's local copy of it, which the driver serves to its
     * executors.
     */
    private static Map<String, String> sparkProperties(Map<String, String> properties, String droverMaster,
            String appResource) {
        Map<String, String> passed = new LinkedHashMap<>(properties);
        passed.put("spark.master", droverMaster);
        String jars = passed.get("spark.jars");
        if (jars != null && appResource != null && !appResource.isBlank()) {
            List<String> entries = new ArrayList<>(Arrays.asList(jars.split(",")));
            entries.replaceAll(jar -> jar.equals(appResource) || jar.equals("file:" + appResource)
                    ? Placeholder.APP_RESOURCE.token() : jar);
            passed.put("spark.jars", String.join(",", entries));
        }
        return passed;
    }

    private static <T extends Number> T number(Map<String, String> properties, String key, T fallback,
            Function<String, T> parse) {
        String value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (RuntimeException e) {
            // Spark accepts 1.5 cores in validation and then fails in its master; here it is a clear 400.
            throw new SparkRestException(400, "Property '" + key + "': '" + value + "' is not usable here ("
                    + (key.endsWith("cores") ? "a whole number of cores" : "a memory size") + ")");
        }
    }

    private static List<String> split(String classpath) {
        if (classpath == null || classpath.isBlank()) {
            return List.of();
        }
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
    }
}

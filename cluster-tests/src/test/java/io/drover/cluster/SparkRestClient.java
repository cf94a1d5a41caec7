package io.drover.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.drover.server.connector.InternalConnector;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP to a master's Spark port, as Spark's client speaks it: no credentials, JSON in and out. */
final class SparkRestClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    final String base;

    SparkRestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The port of the master's second connector: the Spark port. */
    static int sparkPort(ConfigurableApplicationContext master) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) master).getWebServer();
        int main = server.getPort();
        // The master's third connector, beside its main one and the worker protocol's own.
        int internal = master.getBean(InternalConnector.class).port();
        for (var connector : server.getTomcat().getService().findConnectors()) {
            if (connector.getLocalPort() != main && connector.getLocalPort() != internal) {
                return connector.getLocalPort();
            }
        }
        throw new IllegalStateException("the master has no Spark port");
    }

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String field(String name) {
            JsonNode value = json().get(name);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    Answer send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json;charset=UTF-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    /** A create request as spark-submit sends it, with {@code changes} applied ({@code null} removes a field). */
    static String createRequest(String appResource, String mainClass, List<String> args, Map<String, String> properties,
            Map<String, Object> changes) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("action", "CreateSubmissionRequest");
        request.put("appResource", appResource);
        request.put("mainClass", mainClass);
        request.put("appArgs", args);
        request.put("clientSparkVersion", "4.2.0");
        request.put("environmentVariables", Map.of("SPARK_ENV_LOADED", "1", "SPARK_LOCAL_IP", "10.1.2.3"));
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.master", "spark://127.0.0.1:7077");
        conf.put("spark.app.name", mainClass);
        conf.put("spark.driver.memory", "256m");
        conf.put("spark.driver.cores", "1");
        conf.put("spark.submit.deployMode", "cluster");
        conf.put("spark.driver.supervise", "false");
        conf.put("spark.jars", appResource);
        conf.putAll(properties);
        request.put("sparkProperties", conf);
        changes.forEach((key, value) -> {
            if (value == null) {
                request.remove(key);
            } else {
                request.put(key, value);
            }
        });
        return JSON.writeValueAsString(request);
    }
}

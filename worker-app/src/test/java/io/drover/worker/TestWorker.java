package io.drover.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A real worker on a random port, as other modules start it, plus a plain HTTP client for its API. */
public final class TestWorker implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The cluster secret every test worker and {@link FakeMaster} share. */
    public static final String SECRET = "worker-test-cluster-secret";

    public final ConfigurableApplicationContext context;
    public final String url;

    private TestWorker(ConfigurableApplicationContext context) {
        this.context = context;
        this.url = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static TestWorker start(Path workDir, String masterUrls, String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.main.banner-mode=off",
                "drover.auth.secret=" + SECRET,
                "drover.worker.work-dir=" + workDir,
                "drover.worker.master-urls=" + masterUrls,
                "drover.worker.cores=4",
                "drover.worker.memory-mb=4096",
                "drover.worker.kill-grace=2s",
                "drover.worker.registration-retry-max=1s"));
        properties.addAll(List.of(extraProperties));
        return new TestWorker(WorkerApplication.builder().properties(properties.toArray(String[]::new)).run());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A request presenting the cluster secret, as the master and an admin would. */
    public HttpRequest.Builder request(String path) {
        return request(path, SECRET);
    }

    /** A request presenting {@code token}, or no credential when it is null. */
    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}

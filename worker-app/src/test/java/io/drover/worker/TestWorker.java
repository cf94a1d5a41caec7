package io.drover.worker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import io.drover.server.connector.InternalConnector;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A real worker on a random port, as other modules start it, plus a plain HTTP client for its API. */
public final class TestWorker implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The cluster secret every test worker and {@link FakeMaster} share. */
    public static final String SECRET = "worker-test-cluster-secret";

    public final ConfigurableApplicationContext context;
    public final String url;
    /** Where the master's calls ({@code /internal/**}) go: the worker's internal connector. */
    public final String internalUrl;

    private TestWorker(ConfigurableApplicationContext context) {
        this.context = context;
        this.url = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        this.internalUrl = context.getBean(InternalConnector.class).urlBeside(url);
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

    /**
     * A request presenting {@code token}, or no credential when it is null; a {@code /internal/} path goes to
     * the internal connector, as the master sends it.
     */
    public HttpRequest.Builder requestAs(String path, String token) {
        String base = path.startsWith("/internal/") ? internalUrl : url;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return HTTP.send(request, body);
    }

    /** {@code headers} are name, value, name, value…, e.g. {@code "Accept", "text/html"}. */
    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return HTTP.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return HTTP.send(request(path, "Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every request of every test starts here, presenting the cluster secret as the master and an admin would. */
    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = requestAs(path, SECRET);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /**
     * Sends the path exactly as written ({@code ..}, {@code %2e%2e}, a raw {@code /}), which java.net.http
     * would not; the same headers as {@link #request} plus {@code headers}.
     */
    public RawResponse rawGet(String path, String... headers) throws IOException {
        HttpRequest template = request("/", headers).GET().build(); // only its headers are used
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        template.headers().map().forEach((name, values) -> values.forEach(v -> head.append(name + ": " + v + "\r\n")));
        URI base = URI.create(url);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            return RawResponse.parse(socket.getInputStream().readAllBytes());
        }
    }

    /** A response read off the socket; {@code headers} is the status line and headers, lower-cased. */
    public record RawResponse(int status, String headers, String body) {

        static RawResponse parse(byte[] response) {
            String text = new String(response, StandardCharsets.ISO_8859_1); // one char per byte: offsets agree
            int split = text.indexOf("\r\n\r\n");
            String headers = text.substring(0, split).toLowerCase(Locale.ROOT);
            byte[] body = Arrays.copyOfRange(response, split + 4, response.length);
            if (headers.contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new RawResponse(Integer.parseInt(text.substring(9, 12)), headers,
                    new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunk(byte[] body) {
            String text = new String(body, StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = text.indexOf("\r\n", at);
                int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    return out.toByteArray();
                }
                out.write(body, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }

        /** The Content-Type header's value, lower-cased; empty when there is none. */
        public String contentType() {
            return headers.lines().filter(line -> line.startsWith("content-type:"))
                    .map(line -> line.substring("content-type:".length()).trim()).findFirst().orElse("");
        }
    }

    @Override
    public void close() {
        context.close();
    }
}

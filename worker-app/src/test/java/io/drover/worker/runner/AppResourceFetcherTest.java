package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppResourceFetcherTest {

    @TempDir
    Path tmp;

    private final AppResourceFetcher fetcher = new AppResourceFetcher();
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String serve(String path, int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Path driverDir() throws IOException {
        return Files.createDirectories(tmp.resolve("driver"));
    }

    @Test
    void aFileUrlIsCopiedUnderItsOwnName() throws IOException {
        Path source = Files.writeString(tmp.resolve("app.jar"), "jar bytes");

        Path copy = fetcher.fetch(source.toUri().toString(), driverDir());

        assertThat(copy).isEqualTo(tmp.resolve("driver/app.jar"));
        assertThat(copy).hasContent("jar bytes");
    }

    @Test
    void anHttpUrlIsDownloaded() throws IOException {
        String url = serve("/files/app.jar", 200, "downloaded");

        Path copy = fetcher.fetch(url, driverDir());

        assertThat(copy).isEqualTo(tmp.resolve("driver/app.jar"));
        assertThat(copy).hasContent("downloaded");
    }

    @Test
    void anHttpErrorStatusFailsTheFetchAndLeavesNoFile() throws IOException {
        String url = serve("/missing.jar", 404, "no");
        Path dir = driverDir();

        assertThatThrownBy(() -> fetcher.fetch(url, dir)).isInstanceOf(IOException.class).hasMessageContaining("404");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aMissingFileFailsWithAClearMessage() throws IOException {
        String url = tmp.resolve("nothing.jar").toUri().toString();
        Path dir = driverDir();

        assertThatThrownBy(() -> fetcher.fetch(url, dir)).hasMessageContaining("does not exist");
    }

    @Test
    void otherSchemesAreRefused() throws IOException {
        Path dir = driverDir();

        assertThatThrownBy(() -> fetcher.fetch("ftp://host/app.jar", dir))
                .isInstanceOf(IOException.class).hasMessageContaining("file:, http: or https:");
    }

    @Test
    void theLocalNameIsSanitized() {
        assertThat(AppResourceFetcher.localName(URI.create("http://h/x/a%20b;c.jar"))).isEqualTo("a_b_c.jar");
    }

    @Test
    void namesThatCannotBeUsedFallBack() {
        assertThat(AppResourceFetcher.localName(URI.create("http://h/"))).isEqualTo("app-resource");
        assertThat(AppResourceFetcher.localName(URI.create("http://h/a/.."))).isEqualTo("app-resource");
        assertThat(AppResourceFetcher.localName(URI.create("http://h/stdout"))).isEqualTo("app-resource");
        assertThat(AppResourceFetcher.localName(URI.create("file:relative"))).isEqualTo("app-resource");
    }

    /** A server whose {@code /hop} redirects to {@code target}. */
    private String serveRedirect(String target) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hop", exchange -> {
            exchange.getResponseHeaders().add("Location", target);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/files/app.jar", exchange -> {
            byte[] bytes = "followed".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hop";
    }

    @Test
    void aHostOutsideTheAllowListIsRefusedAndNothingIsDownloaded() throws IOException {
        String url = serve("/files/app.jar", 200, "downloaded");
        AppResourceFetcher strict = new AppResourceFetcher(new LaunchPolicy(List.of(), List.of("repo.example.org")));

        assertThatThrownBy(() -> strict.fetch(url, driverDir())).isInstanceOf(IOException.class)
                .hasMessageContaining("host 127.0.0.1 is not allowed").hasMessageContaining("allowed-resource-hosts");
        assertThat(tmp.resolve("driver")).isEmptyDirectory();
    }

    @Test
    void redirectsAreFollowedAndEachHopIsChecked() throws IOException {
        String url = serveRedirect("/files/app.jar");
        AppResourceFetcher local = new AppResourceFetcher(new LaunchPolicy(List.of(), List.of("127.0.0.1")));

        assertThat(local.fetch(url, driverDir())).hasContent("followed");
    }

    @Test
    void aRedirectToAHostOutsideTheAllowListIsRefused() throws IOException {
        String url = serveRedirect("http://169.254.169.254/latest/meta-data");
        AppResourceFetcher local = new AppResourceFetcher(new LaunchPolicy(List.of(), List.of("127.0.0.1")));

        assertThatThrownBy(() -> local.fetch(url, driverDir())).isInstanceOf(IOException.class)
                .hasMessageContaining("host 169.254.169.254 is not allowed");
    }
}

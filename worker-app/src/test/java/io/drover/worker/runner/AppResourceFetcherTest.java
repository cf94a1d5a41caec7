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
}

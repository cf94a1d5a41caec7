package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppResourceFetcherTest {

    @TempDir
    Path tmp;

    /** Loopback servers stay direct; anything else would go to this trap, never off the machine. */
    private final LoopbackTrap trap = new LoopbackTrap();
    private AppResourceFetcher fetcher;
    private HttpServer server;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(tmp.resolve("jars"));
        fetcher = fetcherWith(new LaunchPolicy(List.of(), List.of(),
                new ResourceDirs(List.of(tmp.resolve("jars")), List.of(tmp.resolve("work")))));
    }

    private AppResourceFetcher fetcherWith(LaunchPolicy policy) {
        return new AppResourceFetcher(policy, new AppResourceCache(tmp.resolve("work")), trap.proxySelector(),
                host -> host.equals("metadata.example.org") ? new InetAddress[] {InetAddress.getByName("169.254.169.254")}
                        : InetAddress.getAllByName(host));
    }

    @AfterEach
    void stopServers() {
        if (server != null) {
            server.stop(0);
        }
        trap.close();
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
        Path source = Files.writeString(tmp.resolve("jars/app.jar"), "jar bytes");

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

        assertThatThrownBy(() -> fetcher.fetch(url, dir)).isInstanceOf(IOException.class)
                .hasMessage(AppResourceFetcher.NOT_FETCHED);
        assertThat(dir).isEmptyDirectory();
    }

    /** Issue 10: errors told whether a port was open; now a closed port and an HTTP error read the same. */
    @Test
    void aClosedPortAndAnHttpErrorGiveTheSameMessage() throws IOException {
        String missing = serve("/missing.jar", 404, "no");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path dir = driverDir();

        assertThatThrownBy(() -> fetcher.fetch(missing, dir)).hasMessage(AppResourceFetcher.NOT_FETCHED);
        assertThatThrownBy(() -> fetcher.fetch("http://127.0.0.1:" + closedPort + "/a.jar", dir))
                .hasMessage(AppResourceFetcher.NOT_FETCHED);
    }

    /** Issue 10: copy errors told whether a path existed. */
    @Test
    void aMissingFileAndALinkOutOfTheAllowedDirectoryGiveTheSameMessage() throws IOException {
        Files.createSymbolicLink(tmp.resolve("jars/passwd.jar"), Path.of("/etc/passwd"));
        Path dir = driverDir();

        assertThatThrownBy(() -> fetcher.fetch(tmp.resolve("jars/nothing.jar").toUri().toString(), dir))
                .hasMessage(AppResourceFetcher.NOT_FETCHED);
        assertThatThrownBy(() -> fetcher.fetch(tmp.resolve("jars/passwd.jar").toUri().toString(), dir))
                .hasMessage(AppResourceFetcher.NOT_FETCHED);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void withNoAllowedDirectoryNoFileIsCopied() throws IOException {
        Files.writeString(tmp.resolve("jars/app.jar"), "jar bytes");
        AppResourceFetcher defaults = fetcherWith(LaunchPolicy.allowAll());

        assertThatThrownBy(() -> defaults.fetch(tmp.resolve("jars/app.jar").toUri().toString(), driverDir()))
                .hasMessageContaining("allowed-resource-dirs is empty");
    }

    /** Issue 10: file:/proc/<worker>/environ copied the worker's environment, the secret with it. */
    @Test
    void procSysAndTheWorkersOwnFilesAreRefusedEvenUnderAnAllowedDirectory() throws IOException {
        Path workFile = Files.writeString(Files.createDirectories(tmp.resolve("work")).resolve("secret"), "s");
        AppResourceFetcher everything = fetcherWith(new LaunchPolicy(List.of(), List.of(),
                new ResourceDirs(List.of(Path.of("/")), List.of(tmp.resolve("work")))));
        Path dir = driverDir();

        for (String url : List.of("file:/proc/self/environ", "file:/proc/" + ProcessHandle.current().pid() + "/environ",
                "file:/sys/kernel/notes", "file:/etc/../proc/self/environ", workFile.toUri().toString())) {
            assertThatThrownBy(() -> everything.fetch(url, dir)).as(url).hasMessageContaining("allowed-resource-dirs");
        }
        Files.createSymbolicLink(tmp.resolve("environ.jar"), Path.of("/proc/self/environ"));
        assertThatThrownBy(() -> everything.fetch(tmp.resolve("environ.jar").toUri().toString(), dir))
                .hasMessage(AppResourceFetcher.NOT_FETCHED);
        assertThat(dir).isEmptyDirectory();
    }

    /** Issue 10: metadata addresses are refused before any connection, so nothing leaves the machine. */
    @Test
    void linkLocalAndMetadataAddressesAreRefusedBeforeAnyConnection() throws IOException {
        Path dir = driverDir();

        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/x.jar",
                "https://metadata.example.org/computeMetadata/v1/", "http://100.100.100.200/latest/")) {
            assertThatThrownBy(() -> fetcher.fetch(url, dir)).as(url).hasMessageContaining("metadata");
        }
        String redirect = serveRedirect("http://169.254.169.254/latest/meta-data/iam/");
        assertThatThrownBy(() -> fetcher.fetch(redirect, dir)).hasMessageContaining("metadata");
        assertThat(trap.requests()).isZero();
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
        return serveRedirect(target, "", "followed");
    }

    /** {@code /hop} redirects to {@code target} with {@code page} as its own body; {@code /files/app.jar} is {@code file}. */
    private String serveRedirect(String target, String page, String file) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hop", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Location", target);
            exchange.sendResponseHeaders(302, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/files/app.jar", exchange -> {
            byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
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
        AppResourceFetcher strict = fetcherWith(new LaunchPolicy(List.of(), List.of("repo.example.org")));

        assertThatThrownBy(() -> strict.fetch(url, driverDir())).isInstanceOf(IOException.class)
                .hasMessageContaining("host 127.0.0.1 is not allowed").hasMessageContaining("allowed-resource-hosts");
        assertThat(tmp.resolve("driver")).isEmptyDirectory();
    }

    @Test
    void redirectsAreFollowedAndEachHopIsChecked() throws IOException {
        String url = serveRedirect("/files/app.jar");
        AppResourceFetcher local = fetcherWith(new LaunchPolicy(List.of(), List.of("127.0.0.1")));

        assertThat(local.fetch(url, driverDir())).hasContent("followed");
    }

    @Test
    void aRedirectsOwnBodyLeavesNothingInTheFile() throws IOException {
        String url = serveRedirect("/files/app.jar", "<html>moved, and a body longer than the file</html>", "short");

        Path copy = fetcher.fetch(url, driverDir());

        assertThat(copy).hasContent("short");
    }

    @Test
    void aRedirectToAHostOutsideTheAllowListIsRefused() throws IOException {
        String url = serveRedirect("http://repo.example.org/a.jar");
        AppResourceFetcher local = fetcherWith(new LaunchPolicy(List.of(), List.of("127.0.0.1")));

        assertThatThrownBy(() -> local.fetch(url, driverDir())).isInstanceOf(IOException.class)
                .hasMessageContaining("host repo.example.org is not allowed");
        assertThat(trap.requests()).isZero();
    }
}

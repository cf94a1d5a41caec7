package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: each app resource is fetched once per worker and every run links it. Real files, a real server. */
class AppResourceCacheTest {

    @TempDir
    Path tmp;

    private final LoopbackTrap trap = new LoopbackTrap();
    private final AtomicInteger runs = new AtomicInteger();
    private Path work;
    private AppResourceCache cache;
    private AppResourceFetcher fetcher;
    private HttpServer server;

    /** What the server sends, and whether with an ETag and a Last-Modified. */
    private final AtomicReference<String> body = new AtomicReference<>("version 1");
    private volatile boolean sendsEtag;
    private volatile boolean sendsLastModified;
    /** When set, the server answers only once this many fetches hold or wait for the URL, and with this status. */
    private volatile int lineUp;
    private volatile int status = 200;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger fullDownloads = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        work = tmp.resolve("work");
        Files.createDirectories(tmp.resolve("jars"));
        cache = new AppResourceCache(work);
        fetcher = new AppResourceFetcher(new LaunchPolicy(List.of(), List.of(),
                new ResourceDirs(List.of(tmp.resolve("jars")), List.of(work))), cache, trap.proxySelector(),
                InetAddress::getAllByName);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        trap.close();
    }

    /** A new run's directory, as RunDirs makes them. */
    private Path runDir() throws IOException {
        return RunDirs.create(work, "app-20260101000000-0001", Integer.toString(runs.getAndIncrement()));
    }

    private Path fetchIntoNewRun(String url) throws IOException {
        return fetcher.fetch(url, runDir());
    }

    private static Object inode(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private static int links(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
    }

    private List<Path> entries() throws IOException {
        try (var files = Files.list(cache.dir())) {
            return files.filter(file -> !file.getFileName().toString().endsWith(AppResourceCache.VALIDATORS_SUFFIX))
                    .toList();
        }
    }

    private String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/files/app.jar", this::answer);
        server.start();
        return url();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/files/app.jar";
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (lineUp > 0) {
            String key = AppResourceCache.urlKey(URI.create(url()));
            await().atMost(RealProcesses.WAIT).until(() -> cache.users(key) >= lineUp);
        }
        if (status != 200) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        String current = body.get();
        String etag = "\"" + Integer.toHexString(current.hashCode()) + "\"";
        String lastModified = "Thu, 01 Jan 2026 00:00:0" + current.length() % 10 + " GMT";
        boolean sameTag = sendsEtag && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
        boolean sameDate = sendsLastModified && !sendsEtag
                && lastModified.equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"));
        if (sameTag || sameDate) {
            notModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        if (sendsEtag) {
            exchange.getResponseHeaders().add("ETag", etag);
        }
        if (sendsLastModified) {
            exchange.getResponseHeaders().add("Last-Modified", lastModified);
        }
        byte[] bytes = current.getBytes(StandardCharsets.UTF_8);
        fullDownloads.incrementAndGet();
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void twoRunsOfOneFileUrlShareOneInode() throws IOException {
        String url = Files.writeString(tmp.resolve("jars/app.jar"), "jar bytes").toUri().toString();

        Path first = fetchIntoNewRun(url);
        Path second = fetchIntoNewRun(url);

        assertThat(first).hasContent("jar bytes").hasFileName("app.jar");
        assertThat(second).hasContent("jar bytes");
        assertThat(inode(second)).isEqualTo(inode(first));
        assertThat(entries()).singleElement().satisfies(entry -> assertThat(inode(entry)).isEqualTo(inode(first)));
    }

    @Test
    void aChangedSourceIsCopiedAgainAndEarlierRunsKeepWhatTheyHad() throws IOException {
        Path source = Files.writeString(tmp.resolve("jars/app.jar"), "version 1");
        Path first = fetchIntoNewRun(source.toUri().toString());

        Files.writeString(source, "version 2");
        Path second = fetchIntoNewRun(source.toUri().toString());

        assertThat(second).hasContent("version 2");
        assertThat(first).hasContent("version 1");
    }

    /** What {@code rsync -t --inplace} of a same-sized jar does: same inode, size and modification time. */
    @Test
    void aSourceRewrittenInPlaceWithItsOldTimeIsCopiedAgain() throws IOException {
        Path source = Files.writeString(tmp.resolve("jars/app.jar"), "version 1");
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(source);
        fetchIntoNewRun(source.toUri().toString());

        Files.writeString(source, "version 2");
        Files.setLastModifiedTime(source, written);

        assertThat(fetchIntoNewRun(source.toUri().toString())).hasContent("version 2");
    }

    @Test
    void theEntryIsReadOnlyAndTheCacheIsTheWorkersAlone() throws IOException {
        Path linked = fetchIntoNewRun(Files.writeString(tmp.resolve("jars/app.jar"), "jar").toUri().toString());

        assertThat(Files.getPosixFilePermissions(linked)).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
        assertThat(Files.getPosixFilePermissions(cache.dir())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(cache.dir()).isEqualTo(work.resolve(".resource-cache"));
    }

    @Test
    void aRunDeletingItsLinkLeavesTheEntryForOthers() throws IOException {
        String url = Files.writeString(tmp.resolve("jars/app.jar"), "jar bytes").toUri().toString();
        Path first = fetchIntoNewRun(url);
        Path second = fetchIntoNewRun(url);

        Files.delete(first);
        Path third = fetchIntoNewRun(url);

        assertThat(second).hasContent("jar bytes");
        assertThat(third).hasContent("jar bytes");
        assertThat(inode(third)).isEqualTo(inode(second));
    }

    @Test
    void aServedResourceWithAnEtagIsDownloadedOnceThenRevalidated() throws IOException {
        sendsEtag = true;
        String url = serve();

        Path first = fetchIntoNewRun(url);
        Path second = fetchIntoNewRun(url);

        assertThat(fullDownloads).hasValue(1);
        assertThat(notModified).hasValue(1);
        assertThat(second).hasContent("version 1");
        assertThat(inode(second)).isEqualTo(inode(first));
    }

    @Test
    void aLastModifiedAloneIsAValidatorToo() throws IOException {
        sendsLastModified = true;
        String url = serve();

        Path first = fetchIntoNewRun(url);
        Path second = fetchIntoNewRun(url);

        assertThat(fullDownloads).hasValue(1);
        assertThat(inode(second)).isEqualTo(inode(first));
    }

    @Test
    void aChangedServedResourceReplacesTheEntryAndEarlierRunsKeepWhatTheyHad() throws IOException {
        sendsEtag = true;
        String url = serve();
        Path first = fetchIntoNewRun(url);

        body.set("version 2, longer");
        Path second = fetchIntoNewRun(url);
        Path third = fetchIntoNewRun(url);

        assertThat(fullDownloads).hasValue(2);
        assertThat(first).hasContent("version 1");
        assertThat(second).hasContent("version 2, longer");
        assertThat(inode(third)).isEqualTo(inode(second));
    }

    @Test
    void aServedResourceWithoutValidatorsIsDownloadedEveryTime() throws IOException {
        String url = serve();

        Path first = fetchIntoNewRun(url);
        Path second = fetchIntoNewRun(url);

        assertThat(fullDownloads).hasValue(2);
        assertThat(second).hasContent("version 1");
        assertThat(inode(second)).isNotEqualTo(inode(first));
        assertThat(entries()).isEmpty();
    }

    @Test
    void twentyConcurrentFetchesOfOneUrlDownloadItOnce() throws Exception {
        sendsEtag = true;
        String url = serve();
        lineUp = 20;

        List<Future<Path>> fetched = fetchConcurrently(url, 20);

        for (Future<Path> copy : fetched) {
            assertThat(copy.get(30, TimeUnit.SECONDS)).hasContent("version 1");
        }
        assertThat(requests).hasValue(1);
        assertThat(links(entries().get(0))).isEqualTo(21);
    }

    /** Else 200 launches against a dead server would wait out one connect timeout after another. */
    @Test
    void concurrentFetchesOfAFailingUrlFailTogetherOnOneRequest() throws Exception {
        String url = serve();
        lineUp = 20;
        status = 500;

        List<Future<Path>> fetched = fetchConcurrently(url, 20);

        for (Future<Path> copy : fetched) {
            assertThatThrownBy(() -> copy.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
                    .cause().hasMessage(AppResourceFetcher.NOT_FETCHED);
        }
        assertThat(requests).hasValue(1);
    }

    /** Starts {@code count} fetches into new runs at once. */
    private List<Future<Path>> fetchConcurrently(String url, int count) throws IOException {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dirs.add(runDir());
        }
        ExecutorService launches = Executors.newFixedThreadPool(count);
        List<Future<Path>> fetched = new ArrayList<>();
        for (Path dir : dirs) {
            fetched.add(launches.submit(() -> fetcher.fetch(url, dir)));
        }
        launches.shutdown();
        return fetched;
    }

    @Test
    void pruningDeletesOnlyEntriesNoRunLinks() throws IOException {
        Path kept = fetchIntoNewRun(Files.writeString(tmp.resolve("jars/kept.jar"), "kept").toUri().toString());
        Path dropped =
                fetchIntoNewRun(Files.writeString(tmp.resolve("jars/dropped.jar"), "dropped").toUri().toString());
        Files.delete(dropped);

        assertThat(cache.prune()).isEqualTo(1);

        assertThat(entries()).singleElement().satisfies(entry -> assertThat(inode(entry)).isEqualTo(inode(kept)));
    }

    @Test
    void pruningTakesAnUnlinkedUrlEntryWithItsValidators() throws IOException {
        sendsEtag = true;
        Files.delete(fetchIntoNewRun(serve()));

        assertThat(cache.prune()).isEqualTo(1);

        assertThat(cache.dir()).isEmptyDirectory();
    }

    @Test
    void aRunOnAnotherFileSystemGetsACopy() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeThat(Files.isWritable(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(tmp)))
                .as("a writable second file system").isTrue();
        Path elsewhere = Files.createTempDirectory(shm, "drover-run-");
        try {
            String url = Files.writeString(tmp.resolve("jars/app.jar"), "jar bytes").toUri().toString();

            Path copy = fetcher.fetch(url, elsewhere);

            assertThat(copy).hasContent("jar bytes");
            assertThat(links(entries().get(0))).isEqualTo(1);
        } finally {
            io.drover.worker.support.FileTrees.delete(elsewhere);
        }
    }
}

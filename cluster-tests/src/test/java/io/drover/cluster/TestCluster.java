package io.drover.cluster;

import static org.awaitility.Awaitility.await;

import io.drover.client.DroverClient;
import io.drover.master.MasterApplication;
import io.drover.protocol.api.WorkerView;
import io.drover.protocol.state.WorkerState;
import io.drover.server.connector.InternalConnector;
import io.drover.worker.WorkerApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real master and real workers in this JVM, each a Spring Boot application on its own random port on
 * loopback, talking HTTP to each other exactly as separate processes would.
 */
final class TestCluster implements AutoCloseable {

    /** Short enough that a lost worker is noticed within a test, long enough not to flap on a busy machine. */
    static final Duration WORKER_TIMEOUT = Duration.ofSeconds(3);

    private final Path workRoot;
    private final ConfigurableApplicationContext master;
    private final List<ConfigurableApplicationContext> workers = new ArrayList<>();
    final String masterUrl;
    final DroverClient client;

    private TestCluster(Path workRoot, ConfigurableApplicationContext master) {
        this.workRoot = workRoot;
        this.master = master;
        this.masterUrl = "http://127.0.0.1:" + port(master);
        this.client = DroverClient.builder(masterUrl).bearerToken(Credentials.SECRET).build();
    }

    /** Starts a master; {@code masterArgs} add or override its settings ({@code --drover.master.spread-out=false}). */
    static TestCluster start(Path workRoot, String... masterArgs) {
        return start(workRoot, WORKER_TIMEOUT, masterArgs);
    }

    /** As above, with another worker timeout (a test that must see a worker declared dead quickly). */
    static TestCluster start(Path workRoot, Duration workerTimeout, String... masterArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--drover.master.data-dir=" + workRoot.resolve("master-data"),
                "--drover.auth.secret=" + Credentials.SECRET,
                "--drover.master.worker-timeout=" + workerTimeout.toMillis() + "ms",
                "--drover.master.schedule-interval=200ms"));
        args.addAll(List.of(masterArgs));
        ConfigurableApplicationContext master = MasterApplication.builder().run(args.toArray(String[]::new));
        return new TestCluster(workRoot, master);
    }

    /**
     * Starts a worker offering {@code cores} and {@code memoryMb}, and waits until the master lists it ALIVE.
     * {@code workerArgs} add or override its settings.
     */
    String addWorker(int cores, long memoryMb, String... workerArgs) {
        String url = startWorker(cores, memoryMb, workerArgs);
        return await("worker at " + url + " ALIVE").atMost(Duration.ofSeconds(30))
                .until(() -> aliveWorkerAt(url), id -> id != null);
    }

    /** Starts a worker without waiting for it to register; returns its URL. */
    String startWorker(int cores, long memoryMb, String... workerArgs) {
        int index = workers.size() + 1;
        List<String> args = new ArrayList<>(workerArgs(masterUrl, workRoot.resolve("worker-" + index), cores,
                memoryMb));
        // A repeated option would be joined with a comma, not overridden: the default secret only if the test gives none.
        if (List.of(workerArgs).stream().anyMatch(arg -> arg.startsWith("--drover.auth.secret"))) {
            args.removeIf(arg -> arg.startsWith("--drover.auth.secret="));
        }
        args.addAll(List.of(workerArgs));
        ConfigurableApplicationContext worker = WorkerApplication.builder().run(args.toArray(String[]::new));
        workers.add(worker);
        return "http://127.0.0.1:" + port(worker);
    }

    /** A test worker's settings: a random port, the test secret, its masters, its resources and directory. */
    static List<String> workerArgs(String masterUrls, Path workDir, int cores, long memoryMb) {
        return List.of(
                "--server.port=0",
                "--drover.auth.secret=" + Credentials.SECRET,
                "--drover.worker.master-urls=" + masterUrls,
                "--drover.worker.cores=" + cores,
                "--drover.worker.memory-mb=" + memoryMb,
                "--drover.worker.work-dir=" + workDir,
                // file: app resources come from the test's directory (its jars) and the examples jar's
                "--drover.worker.allowed-resource-dirs=" + workDir.getParent() + "," + ExampleJar.path().getParent(),
                "--drover.worker.kill-grace=2s");
    }

    ConfigurableApplicationContext masterContext() {
        return master;
    }

    /** The n-th worker's application context (1-based). */
    ConfigurableApplicationContext workerContext(int index) {
        return workers.get(index - 1);
    }

    private String aliveWorkerAt(String url) {
        return client.workers().stream()
                .filter(w -> w.url().equals(url) && w.state() == WorkerState.ALIVE)
                .map(WorkerView::workerId).findFirst().orElse(null);
    }

    /** The URL of the n-th worker (1-based). */
    String workerUrl(int index) {
        return "http://127.0.0.1:" + port(workers.get(index - 1));
    }

    /** Stops the n-th worker (1-based) the way a process shutdown would: its children die, then it tells the master. */
    void stopWorker(int index) {
        workers.get(index - 1).close();
    }

    Path workDir(int index) {
        return workRoot.resolve("worker-" + index);
    }


    /** The internal URL (the worker protocol's own connector) of the master or worker at {@code publicUrl}. */
    String internalUrl(String publicUrl) {
        ConfigurableApplicationContext context = publicUrl.equals(masterUrl) ? master
                : workers.stream().filter(w -> publicUrl.endsWith(":" + port(w))).findFirst().orElseThrow();
        return context.getBean(InternalConnector.class).urlBeside(publicUrl);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        for (ConfigurableApplicationContext worker : workers) {
            worker.close();
        }
        master.close();
    }
}

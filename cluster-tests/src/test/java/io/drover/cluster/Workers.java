package io.drover.cluster;

import io.drover.protocol.api.WorkerStatus;
import io.drover.server.connector.InternalConnector;
import io.drover.worker.WorkerApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real workers in this JVM that follow masters running elsewhere (processes of their own): each a Spring Boot
 * application on a random loopback port, with every master URL it may follow.
 */
final class Workers implements AutoCloseable {

    private final List<Worker> started = new ArrayList<>();

    /** One worker: its URLs, its work directory, and its context to stop it as a shutdown would. */
    record Worker(String url, String internalUrl, Path workDir, ConfigurableApplicationContext context) {

        WorkerStatus status() {
            return WorkerProbe.status(url);
        }

        /** A graceful stop (SIGTERM to a worker process): its children end, then it tells its master. */
        void stop() {
            context.close();
        }
    }

    /** Starts a worker offering {@code cores} and {@code memoryMb}; {@code args} override its settings. */
    Worker start(List<String> masterUrls, Path workDir, int cores, long memoryMb, String... args) {
        List<String> all = new ArrayList<>(TestCluster.workerArgs(String.join(",", masterUrls), workDir, cores,
                memoryMb));
        all.addAll(List.of(args));
        ConfigurableApplicationContext context = WorkerApplication.builder().run(all.toArray(String[]::new));
        String url = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        Worker worker = new Worker(url, context.getBean(InternalConnector.class).urlBeside(url), workDir, context);
        started.add(worker);
        return worker;
    }

    @Override
    public void close() {
        started.forEach(Worker::stop);
        started.clear();
    }
}
